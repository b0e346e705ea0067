import { createHash } from 'crypto';
import { z } from 'zod';
import { toParsed, type Parsed } from '../../common/domain/input-errors';

/** The request header a client names one submission by, so a retry of it creates nothing new (IETF draft name). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

const MESSAGE =
  "L'intestazione Idempotency-Key deve essere un codice di 8-128 caratteri ASCII stampabili (lettere, cifre, trattini…), nuovo per ogni segnalazione.";

const keySchema = z.string({ error: MESSAGE }).regex(/^[\x20-\x7E]{8,128}$/, { error: MESSAGE });

/** The header's value: absent is no key; anything else must be a key (Node joins a repeated header with ", "). */
export function parseIdempotencyKey(raw: string | string[] | undefined): Parsed<string | null> {
  if (raw === undefined) return { ok: true, value: null };
  return toParsed(keySchema.safeParse(raw), IDEMPOTENCY_HEADER);
}

/** What the report stores: the key is the citizen's own, so another citizen's same key is another submission. */
export const submissionKey = (citizenId: number, key: string): string => `${citizenId}:${key}`;

/** What a client is told when it sends a key again with another submission (IETF draft: 422). */
export const KEY_REUSED = 'Questa Idempotency-Key è già stata usata per una segnalazione diversa: per ogni nuova segnalazione serve una chiave nuova.';

/**
 * What makes two requests the same submission: the input as parsed (so spacing a client's JSON
 * differently changes nothing) and the digest of each photo, in order. A retry has the same one.
 */
export function submissionFingerprint(input: unknown, photoDigests: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([canonical(input), photoDigests]))
    .digest('hex');
}

/** The value with its object keys sorted, so that key order does not make two inputs differ. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
}
