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
