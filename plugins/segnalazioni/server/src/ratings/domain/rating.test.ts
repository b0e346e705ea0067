import { parseRating, summarise } from './rating';

describe('the rating of the service', () => {
  it('takes the stars, one of the model’s answers and a few free words', () => {
    expect(parseRating({ page: 'service', stars: 5, answer: 'clear', detail: '  Tutto chiaro.\u0000 ' })).toEqual({
      ok: true,
      value: { page: 'service', stars: 5, answer: 'clear', detail: 'Tutto chiaro.' },
    });
    expect(parseRating({ page: 'submitted', stars: 2, answer: 'technical' }).ok).toBe(true);
  });

  it.each([
    [{ page: 'service', stars: 0, answer: 'clear' }, 'Stelle: un numero da 1 a 5.'],
    [{ page: 'service', stars: 6, answer: 'clear' }, 'Stelle: un numero da 1 a 5.'],
    [{ page: 'service', stars: 4.5, answer: 'clear' }, 'Stelle: un numero da 1 a 5.'],
    [{ page: 'service', stars: '5', answer: 'clear' }, 'Stelle: un numero da 1 a 5.'],
    [{ page: 'home', stars: 5, answer: 'clear' }, 'Pagina: una tra service, submitted, report.'],
    [{ page: 'service', stars: 5, answer: 'nice' }, 'Risposta: una tra clear, complete, progress, technical, other.'],
    [{ page: 'service', stars: 5, answer: 'clear', detail: 'x'.repeat(201) }, 'Dettagli: al massimo 200 caratteri.'],
    [{ page: 'service', stars: 5, answer: 'clear', email: 'a@b.it' }, 'Campi non previsti: email.'],
    [null, 'Valutazione: un oggetto JSON.'],
  ])('refuses %j, saying why', (raw, message) => {
    const parsed = parseRating(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((error) => error.message)).toContain(message);
  });

  it('sums ratings up: the mean, the stars, the answers positive and negative apart', () => {
    const summary = summarise([
      { stars: 5, answer: 'clear' },
      { stars: 4, answer: 'clear' },
      { stars: 2, answer: 'technical' },
      { stars: 1, answer: 'clear' },
    ]);
    expect(summary).toEqual({
      count: 4,
      average: 3,
      byStars: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 1 },
      positive: { clear: 2, complete: 0, progress: 0, technical: 0, other: 0 },
      negative: { clear: 1, complete: 0, progress: 0, technical: 1, other: 0 },
    });
    expect(summarise([]).average).toBeNull();
  });
});
