import { parseDeskSubmission } from './report-input';

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
    expect(parseDeskSubmission({ ...report, category: '', contactName: 'Anna Neri', contactPhone: '015 351' })).toMatchObject({ ok: true, value: { contactPhone: '015351' } });
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
