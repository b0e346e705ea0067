import { z } from 'zod';

/**
 * The shape of the document ids Strapi 5.54 generates: @strapi/core's `createDocumentId` is
 * `@paralleldrive/cuid2`'s `createId` at its default length, a lowercase letter followed by 23
 * lowercase letters and digits. Anything else names no document, and is refused before it reaches
 * a query or a cache key.
 */
const DOCUMENT_ID = /^[a-z][0-9a-z]{23}$/;

export const isDocumentId = (value: unknown): value is string => typeof value === 'string' && DOCUMENT_ID.test(value);

/** A document id in a request (query or body), with the field's name in its message. */
export const documentIdField = (label: string) =>
  z
    .string({ error: `${label}: obbligatorio.` })
    .trim()
    .refine(isDocumentId, { error: `${label}: identificativo non valido.` });
