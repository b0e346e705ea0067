import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Links to photos that are not public: only who is handed one (the reporter, an officer) can open
 * it, and only until it expires. The signature binds the file and the expiry to the server's secret.
 */

export interface SignedAccess {
  readonly expires: number;
  readonly signature: string;
}

const sign = (fileKey: string, expires: number, secret: string) => createHmac('sha256', secret).update(`${fileKey}\n${expires}`).digest('base64url');

export function signAccess(fileKey: string, expiresAt: Date, secret: string): SignedAccess {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return { expires, signature: sign(fileKey, expires, secret) };
}

export function verifyAccess(fileKey: string, access: { expires?: unknown; signature?: unknown }, now: Date, secret: string): boolean {
  const expires = Number(access.expires);
  if (!Number.isInteger(expires) || typeof access.signature !== 'string') return false;
  if (expires * 1000 < now.getTime()) return false;
  const expected = Buffer.from(sign(fileKey, expires, secret));
  const given = Buffer.from(access.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
