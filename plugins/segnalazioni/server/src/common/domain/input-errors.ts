import type { z } from 'zod';

/** One problem of an input, tied to its field (`a.b.0`; empty: the input as a whole). */
export interface InputError {
  readonly path: string;
  readonly message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

/** Zod's issues as our problems, in Italian: the schemas word their own messages; unknown keys are named here. */
export function inputErrors(error: z.ZodError, prefix = ''): InputError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    message: issue.code === 'unrecognized_keys' ? `Campi non previsti: ${issue.keys.join(', ')}.` : issue.message,
  }));
}

/** A zod result as a parsed value or every problem; `prefix` places the problems under a field of a larger input. */
export function toParsed<T>(result: z.ZodSafeParseResult<T>, prefix = ''): Parsed<T> {
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: inputErrors(result.error, prefix) };
}
