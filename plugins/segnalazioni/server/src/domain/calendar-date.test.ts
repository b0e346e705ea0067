import { parseArchiveQuery } from './archive-query';
import { calendarDateProblem } from './calendar-date';
import { parseStatisticsQuery } from './statistics-query';

describe('calendarDateProblem', () => {
  it.each(['2026-01-01', '2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2000-01-01', '2100-12-31'])('accepts %s', (value) => {
    expect(calendarDateProblem(value)).toBeNull();
  });

  it.each([
    ['2026-13-45', /mese va da 01 a 12/],
    ['2026-00-10', /mese va da 01 a 12/],
    ['2026-02-31', /quel mese ha 28 giorni/],
    ['2026-02-29', /quel mese ha 28 giorni/],
    ['1900-02-29', /anno/],
    ['2100-02-29', /quel mese ha 28 giorni/],
    ['2026-04-31', /quel mese ha 30 giorni/],
    ['2026-01-00', /quel mese ha 31 giorni/],
    ['0000-00-00', /anno deve essere tra 2000 e 2100/],
    ['9999-12-31', /anno deve essere tra 2000 e 2100/],
    ['1999-12-31', /anno deve essere tra 2000 e 2100/],
    ['2026-1-5', /AAAA-MM-GG/],
    ['20260105', /AAAA-MM-GG/],
    ['2026-01-05T00:00:00Z', /AAAA-MM-GG/],
    ['+02026-01-05', /AAAA-MM-GG/],
    ['２０２６-01-05', /AAAA-MM-GG/],
  ])('refuses %s', (value, message) => {
    expect(calendarDateProblem(value)).toMatch(message);
  });
});

describe.each([
  ['the archive query', parseArchiveQuery],
  ['the statistics query', parseStatisticsQuery],
])('dates in %s', (_label, parse) => {
  it('take real days and an ordered range', () => {
    expect(parse({ from: '2026-02-28', to: '2026-02-28' })).toMatchObject({ ok: true, value: { from: '2026-02-28', to: '2026-02-28' } });
  });

  it.each(['2026-13-45', '2026-02-31', '0000-00-00', 'ieri'])('refuse from=%s with an Italian message naming the parameter', (value) => {
    const parsed = parse({ from: value });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ path: 'from', message: expect.stringMatching(/^from: .*(data|anno)/) }]);
  });

  it('refuse a range that ends before it starts', () => {
    expect(parse({ from: '2026-03-02', to: '2026-03-01' })).toEqual({
      ok: false,
      errors: [{ path: 'from', message: 'from: deve essere uguale o precedente a to.' }],
    });
  });

  it('refuse a category that is too long or not a string, in Italian', () => {
    expect(parse({ category: 'x'.repeat(121) })).toEqual({ ok: false, errors: [{ path: 'category', message: 'category: al massimo 120 caratteri.' }] });
    expect(parse({ category: ['a', 'b'] })).toEqual({ ok: false, errors: [{ path: 'category', message: 'category: lo slug di una categoria.' }] });
  });
});

describe('the archive query bounds every string', () => {
  it.each([
    [{ q: 'x'.repeat(201) }, 'q: al massimo 200 caratteri.'],
    [{ q: ['a', 'b'] }, 'q: un testo da cercare.'],
    [{ status: 'x'.repeat(10_000) }, expect.stringMatching(/^status: uno tra /)],
    [{ sort: 'x'.repeat(10_000) }, 'sort: newest, oldest o relevance.'],
  ])('%#', (raw, message) => {
    const parsed = parseArchiveQuery(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((error) => error.message)).toEqual([message]);
  });
});
