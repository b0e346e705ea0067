import { z } from 'zod';
import { toParsed, type Parsed } from './input-errors';

/** A category filter: its slug (or documentId), bounded like every public string parameter. */
export const categoryParam = z
  .string({ error: 'category: lo slug di una categoria.' })
  .trim()
  .min(1, { error: 'category: lo slug di una categoria.' })
  .max(120, { error: 'category: al massimo 120 caratteri.' });

/** A query string read by `schema`, or every problem with its Italian message. */
export const parseQueryParams = <S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.output<S>> => toParsed(schema.safeParse(raw ?? {}));
