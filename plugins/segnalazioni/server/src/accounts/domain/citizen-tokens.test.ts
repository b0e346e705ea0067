import { ISSUED_AT_CLAIM, endsTokens, isTokenCurrent, logoutCutOff, withIssueTime } from './citizen-tokens';

describe('citizen tokens', () => {
  const at = Date.UTC(2026, 11, 1, 10, 0, 0, 500);

  it('stamps the claims with the issue time in milliseconds, keeping the others', () => {
    expect(withIssueTime({ id: 7 }, at)).toEqual({ id: 7, [ISSUED_AT_CLAIM]: at });
  });

  it('counts a token issued at or after the cut-off, not one a millisecond before, within the same second', () => {
    const cutOff = new Date(at);
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: at - 1 }, cutOff)).toBe(false);
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: at }, cutOff)).toBe(true);
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: at + 1 }, cutOff.toISOString())).toBe(true);
  });

  it('counts any stamped token of an account never revoked', () => {
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: at }, null)).toBe(true);
  });

  it('does not count a token without the stamp, or with a cut-off it cannot read', () => {
    expect(isTokenCurrent({ iat: Math.floor(at / 1000) }, null)).toBe(false);
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: String(at) }, null)).toBe(false);
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: at }, 'not a date')).toBe(false);
  });

  it('ends tokens on a new password or a block, not on other changes', () => {
    expect(endsTokens({ password: '$2a$10$hash' })).toBe(true);
    expect(endsTokens({ blocked: true })).toBe(true);
    expect(endsTokens({ blocked: false })).toBe(false);
    expect(endsTokens({ password: '' })).toBe(false);
    expect(endsTokens({ firstName: 'Anna', confirmed: true })).toBe(false);
  });

  it('sets the logout cut-off past the token of the logout request itself', () => {
    expect(isTokenCurrent({ [ISSUED_AT_CLAIM]: at }, logoutCutOff(at))).toBe(false);
  });
});
