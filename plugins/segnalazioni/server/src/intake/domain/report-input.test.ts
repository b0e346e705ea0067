import { parseDeskSubmission, parseEdit, parseSubmission } from './report-input';

const report = { title: 'Buca in via Italia', description: 'Una buca profonda davanti al civico 14.' };

describe('what the URP desk files for a citizen', () => {
  it('takes a report with no category, the citizen’s name and phone', () => {
    expect(parseDeskSubmission({ ...report, contactName: ' Giovanni Bianchi ', contactPhone: '+39 015 351 1234' })).toEqual({
      ok: true,
      value: { ...report, contactName: 'Giovanni Bianchi', contactPhone: '+390153511234' },
    });
  });

  it('takes a category and an email, and counts empty form fields as not given', () => {
    const parsed = parseDeskSubmission({ ...report, category: 'rifiuti', contactName: 'Anna Neri', contactPhone: '', contactEmail: 'Anna.Neri@Example.it' });
    expect(parsed).toEqual({ ok: true, value: { ...report, category: 'rifiuti', contactName: 'Anna Neri', contactEmail: 'anna.neri@example.it' } });
    expect(parseDeskSubmission({ ...report, category: '', contactName: 'Anna Neri', contactPhone: '015 351' })).toMatchObject({
      ok: true,
      value: { contactPhone: '015351' },
    });
  });

  it.each([
    ['no way to reach the citizen', { ...report, contactName: 'Anna Neri' }, /telefono o l'email/],
    ['no name', { ...report, contactPhone: '015351' }, /Nome del cittadino/],
    ['a phone with letters', { ...report, contactName: 'Anna Neri', contactPhone: 'chiamare Anna' }, /Telefono/],
    ['a wrong email', { ...report, contactName: 'Anna Neri', contactEmail: 'anna@' }, /Email/],
    ['an unknown field', { ...report, contactName: 'Anna Neri', contactPhone: '015351', channel: 'web' }, /Campi non previsti: channel/],
    ['a short description', { ...report, description: 'buca', contactName: 'Anna Neri', contactPhone: '015351' }, /Descrizione/],
  ])('refuses %s', (_, raw, message) => {
    const parsed = parseDeskSubmission(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.errors.map((error) => error.message).join(' ')).toMatch(message);
  });

  it('refuses a place outside the territory, as for the web', () => {
    const box = { minLatitude: 45.53, minLongitude: 7.99, maxLatitude: 45.6, maxLongitude: 8.11 };
    expect(parseDeskSubmission({ ...report, contactName: 'Anna Neri', contactPhone: '015351', latitude: 41.9, longitude: 12.5 }, box).ok).toBe(false);
  });
});

describe('a report’s words are plain text', () => {
  const valid = { ...report, category: 'rifiuti' };

  it('strips controls and invisible characters and composes accents, on the web as at the desk', () => {
    const raw = { ...valid, title: '\u202EBuca\u0000 in via Citta\u0300', address: 'Via\u200B Roma 14\u0007' };
    expect(parseSubmission(raw)).toEqual({ ok: true, value: { ...valid, title: 'Buca in via Città', address: 'Via Roma 14' } });
    expect(parseDeskSubmission({ ...raw, contactName: '\u2066Anna\u2069 Neri\u0000', contactPhone: '015351' })).toMatchObject({
      ok: true,
      value: { title: 'Buca in via Città', contactName: 'Anna Neri' },
    });
    expect(parseEdit({ description: 'Riga uno\r\nriga\u0000 due' })).toEqual({ ok: true, value: { description: 'Riga uno\nriga due' } });
  });

  it.each([
    ['a title of zero-width spaces', { title: '\u200B'.repeat(10) }, 'Titolo: almeno 5 caratteri visibili.'],
    ['a description of NULs', { description: '\u0000'.repeat(20) }, 'Descrizione: almeno 10 caratteri visibili.'],
    ['a category of bidi controls', { category: '\u202E\u202D' }, 'Categoria: indicare la categoria.'],
  ])('refuses %s', (_name, change, message) => {
    expect(parseSubmission({ ...valid, ...change })).toEqual({ ok: false, errors: [expect.objectContaining({ message })] });
  });
});
