import { INVALID_RESET_CODE, isResetCodeCurrent, parseEmailRequest, parseResetCode } from './account-requests';

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

  it('counts a reset code until its expiry, and never one without', () => {
    const now = Date.UTC(2026, 11, 1, 10, 0, 0);
    expect(isResetCodeCurrent(new Date(now + 1), now)).toBe(true);
    expect(isResetCodeCurrent(new Date(now), now)).toBe(false);
    expect(isResetCodeCurrent(new Date(now - 60_000).toISOString(), now)).toBe(false);
    expect(isResetCodeCurrent(null, now)).toBe(false);
    expect(isResetCodeCurrent('garbage', now)).toBe(false);
  });
});
