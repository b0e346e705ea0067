import { z } from 'zod';
import type { Parsed } from './report-input';

/** A category filter: its slug (or documentId), bounded like every public string parameter. */
export const categoryParam = z
  .string({ error: 'category: lo slug di una categoria.' })
  .trim()
  .min(1, { error: 'category: lo slug di una categoria.' })
  .max(120, { error: 'category: al massimo 120 caratteri.' });

/** A query string read by `schema`, or every problem with its Italian message. */
export function parseQueryParams<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.code === 'unrecognized_keys' ? `Parametri non previsti: ${issue.keys.join(', ')}.` : issue.message,
    })),
  };
}
