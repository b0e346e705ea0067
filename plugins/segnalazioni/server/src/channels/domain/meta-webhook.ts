import { createHmac, timingSafeEqual } from 'crypto';

/**
 * The two checks of a Meta webhook (WhatsApp Cloud API and Facebook pages alike): the handshake
 * that proves we own the endpoint, and the signature that proves a delivery comes from Meta.
 */

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the app secret, as Meta sends it in X-Hub-Signature-256. */
export function signatureOf(rawBody: string | Buffer, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Compares in constant time; a missing or malformed header is simply not valid. */
export function hasValidSignature(rawBody: string | Buffer, header: unknown, appSecret: string): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(header.trim()) || !appSecret) return false;
  const expected = Buffer.from(signatureOf(rawBody, appSecret));
  const received = Buffer.from(header.trim().toLowerCase());
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export type Handshake = { readonly ok: true; readonly challenge: string } | { readonly ok: false; readonly status: 400 | 403; readonly message: string };

/**
 * Answers Meta's verification request: `hub.mode=subscribe`, our verify token, and a challenge to
 * echo. A wrong token is a 403; a request that is no handshake at all, a 400.
 */
export function answerHandshake(query: Record<string, unknown>, verifyToken: string): Handshake {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof challenge !== 'string' || challenge.length === 0 || challenge.length > 200) {
    return { ok: false, status: 400, message: 'Richiesta di verifica non valida: servono hub.mode=subscribe, hub.verify_token e hub.challenge.' };
  }
  const given = Buffer.from(typeof token === 'string' ? token : '');
  const expected = Buffer.from(verifyToken);
  if (!verifyToken || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, message: 'Token di verifica errato.' };
  }
  return { ok: true, challenge };
}
