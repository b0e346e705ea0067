import { createHmac, timingSafeEqual } from 'crypto';

/**
 * The personal link that opens a report's page without a password: every mail and chat answer to
 * its citizen carries one. It names the report, the report's link version and when it expires, and
 * is signed with the server's key, so it cannot be made up or stretched; revoking bumps the
 * report's version, which every link issued before no longer matches.
 */

export interface FollowClaim {
  readonly documentId: string;
  /** The report's link version when the link was issued (`followVersion`). */
  readonly version: number;
  readonly expiresAt: Date;
}

export type FollowTokenCheck = { readonly ok: true; readonly claim: FollowClaim } | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;
const SHAPE = /^([a-z0-9]{1,64})\.(\d{1,9})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** The key links are signed with: derived from the server's keys, so rotating `APP_KEYS` revokes every link. */
export const followKey = (appKeys: readonly string[]): Buffer => createHmac('sha256', appKeys.join(',')).update('sportello-segnalazioni follow links').digest();

const signature = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest('base64url');

export function signFollowToken({ documentId, version, expiresAt }: FollowClaim, key: Buffer): string {
  if (!DOCUMENT_ID.test(documentId)) throw new Error(`Not a document id: ${documentId}`);
  const payload = `${documentId}.${version}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(payload, key)}`;
}

/** What a link says, once its signature holds and it has not expired at `now`. */
export function checkFollowToken(token: string, key: Buffer, now: Date): FollowTokenCheck {
  const match = SHAPE.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, documentId, version, expires, given] = match;
  const expected = Buffer.from(signature(`${documentId}.${version}.${expires}`, key));
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'forged' };
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { documentId, version: Number(version), expiresAt } };
}
