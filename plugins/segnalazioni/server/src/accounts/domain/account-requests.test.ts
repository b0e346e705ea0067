import { INVALID_RESET_CODE, isResetCodeCurrent, parseEmailRequest, parseLanguageRequest, parseRegistrationLanguage, parseResetCode } from './account-requests';

describe('account requests', () => {
  it('reads an email request, the address in lower case', () => {
    expect(parseEmailRequest({ email: 'Anna.Neri@Example.IT' })).toEqual({ ok: true, value: { email: 'anna.neri@example.it' } });
  });

  it.each([[{}], [{ email: 'non-una-email' }], [{ email: { $ne: '' } }], [null], ['anna@example.it'], [{ email: `${'a'.repeat(250)}@example.it` }]])(
    'refuses %j in Italian, tied to the email field',
    (body) => {
      const parsed = parseEmailRequest(body);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0].message).toBe('Email: indica un indirizzo email valido.');
    },
  );

  it('takes only our reset codes: 64 hex digits', () => {
    const code = 'a1'.repeat(32);
    expect(parseResetCode({ code, password: 'x' })).toEqual({ ok: true, value: { code } });
    for (const bad of ['', 'a1'.repeat(31), 'G'.repeat(64), { $ne: '' }, 42]) {
      const parsed = parseResetCode({ code: bad });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0].message).toBe(INVALID_RESET_CODE);
    }
  });

  it('takes a language switch of "it" or "en", and nothing else', () => {
    expect(parseLanguageRequest({ language: 'en' })).toEqual({ ok: true, value: { language: 'en' } });
    expect(parseLanguageRequest({ language: 'it' })).toEqual({ ok: true, value: { language: 'it' } });
    for (const bad of [
      {},
      { language: 'EN' },
      { language: 'en-GB' },
      { language: 'fr' },
      { language: ' en' },
      { language: null },
      { language: ['en'] },
      { language: { $ne: '' } },
      null,
      'en',
      [],
    ]) {
      const parsed = parseLanguageRequest(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0].message).toBe('Lingua: "it" (italiano) oppure "en" (inglese).');
    }
    const extra = parseLanguageRequest({ language: 'en', confirmed: true, role: 1 });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.errors[0].message).toBe('Campi non previsti: confirmed, role.');
  });

  it("takes a registration's language when it has one, and leaves its other fields to users-permissions", () => {
    expect(parseRegistrationLanguage({ email: 'a@b.it', language: 'en' })).toEqual({ ok: true, value: { language: 'en' } });
    expect(parseRegistrationLanguage({ email: 'a@b.it' })).toEqual({ ok: true, value: {} });
    expect(parseRegistrationLanguage('not an object')).toEqual({ ok: true, value: {} });
    for (const bad of ['de', '', null, 1, { $in: ['en'] }]) expect(parseRegistrationLanguage({ language: bad }).ok).toBe(false);
  });

  it('counts a reset code until its expiry, and never one without', () => {
    const now = Date.UTC(2026, 11, 1, 10, 0, 0);
    expect(isResetCodeCurrent(new Date(now + 1), now)).toBe(true);
    expect(isResetCodeCurrent(new Date(now), now)).toBe(false);
    expect(isResetCodeCurrent(new Date(now - 60_000).toISOString(), now)).toBe(false);
    expect(isResetCodeCurrent(null, now)).toBe(false);
    expect(isResetCodeCurrent('garbage', now)).toBe(false);
  });
});
