/**
 * When a citizen's login token still counts. Every token carries the millisecond it was issued
 * (JWT's own `iat` has whole seconds: a token issued in the second of a password change could not
 * be told apart from one issued after it). Each account keeps the instant from which its tokens
 * count; changing the password, being blocked or logging out moves it forward.
 */

/** The claim, beside the standard ones, that holds the issue time in milliseconds. */
export const ISSUED_AT_CLAIM = 'issuedAtMs';

/** Adds the issue time to the claims users-permissions signs. */
export function withIssueTime<Claims extends object>(claims: Claims, now: number): Claims & { [ISSUED_AT_CLAIM]: number } {
  return { ...claims, [ISSUED_AT_CLAIM]: now };
}

/**
 * A token counts if it was issued at or after the account's cut-off. A token without our claim
 * was issued before this rule existed and cannot be placed in time: it does not count.
 */
export function isTokenCurrent(claims: Readonly<Record<string, unknown>>, tokensValidAfter: Date | string | number | null | undefined): boolean {
  const issuedAt = claims[ISSUED_AT_CLAIM];
  if (typeof issuedAt !== 'number' || !Number.isFinite(issuedAt)) return false;
  if (tokensValidAfter === null || tokensValidAfter === undefined) return true;
  const cutOff = new Date(tokensValidAfter).getTime();
  // An unreadable cut-off ends every token: failing closed, the citizen logs in again.
  return !Number.isNaN(cutOff) && issuedAt >= cutOff;
}

/** What in an account's update ends its tokens: a new password, or being blocked. */
export function endsTokens(update: Readonly<Record<string, unknown>>): boolean {
  return (typeof update.password === 'string' && update.password !== '') || update.blocked === true;
}

/**
 * The cut-off a logout sets: one millisecond past now, so the token of the logout request itself
 * (issued at the latest now) ends, even when it was issued within the same millisecond.
 */
export const logoutCutOff = (now: number): Date => new Date(now + 1);
