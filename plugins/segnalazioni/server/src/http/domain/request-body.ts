import { megabytes } from '../../photos/domain/photo-rules';

/**
 * What a request body may be, and what a citizen reads when it is not: bounds for multipart
 * uploads, keys no parsed body may hold, and the parsers' errors told as a 4xx in Italian.
 */

export interface MultipartLimits {
  /** Files in one request, beyond which the parser stops: twice the photos, so the count rule speaks first. */
  readonly maxFiles: number;
  /** All files' bytes together. */
  readonly maxFileBytes: number;
  /** All text fields' bytes together (the report's JSON). */
  readonly maxFieldBytes: number;
  /** The whole body as sent: files, fields and the parts' own headers. */
  readonly maxRequestBytes: number;
}

/** Ample for a report's JSON (a 4000-character description is ~16 kB even in the widest UTF-8). */
const FIELD_BYTES = 1024 * 1024;
/** Boundaries and part headers: a few hundred bytes a part. */
const PART_OVERHEAD_BYTES = 64 * 1024;

function limits(maxFiles: number, maxFileBytes: number): MultipartLimits {
  return { maxFiles, maxFileBytes, maxFieldBytes: FIELD_BYTES, maxRequestBytes: maxFileBytes + FIELD_BYTES + PART_OVERHEAD_BYTES };
}

/** A report's photos: `maxPhotos` of `maxBytes` each, at most. */
export const photoUploadLimits = ({ maxPhotos, maxBytes }: { maxPhotos: number; maxBytes: number }): MultipartLimits =>
  limits(maxPhotos * 2, maxPhotos * maxBytes);

/** The media library (Strapi's upload routes): files up to the upload plugin's size limit, in all. */
export const mediaUploadLimits = (sizeLimit: number, maxFiles = 20): MultipartLimits => limits(maxFiles, sizeLimit);

/** Keys that would reach an object's prototype once a body is merged or spread. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of the first forbidden key in a parsed body (`data.constructor`), or null. Iterative: depth is the client's. */
export function findForbiddenKey(value: unknown): string | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string };
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return keyPath;
      pending.push({ value: (current as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return null;
}

export interface BodyProblem {
  readonly status: 400 | 413 | 415;
  readonly message: string;
  readonly details: { readonly reason: string } & Readonly<Record<string, unknown>>;
}

/** A path as long as the client's nesting, shortened to its end for the message. */
const shortPath = (path: string) => (path.length > 120 ? `…${path.slice(-120)}` : path);

export const forbiddenKeyProblem = (path: string): BodyProblem => ({
  status: 400,
  message: `Il corpo della richiesta contiene la chiave non ammessa "${path.split('.').pop()}" (in ${shortPath(path)}).`,
  details: { reason: 'forbiddenKey', path: shortPath(path) },
});

export const multipartRefused = (): BodyProblem => ({
  status: 415,
  message: 'Questo indirizzo non accetta file né moduli multipart: inviare i dati come JSON.',
  details: { reason: 'multipartNotAccepted' },
});

export const tooLarge = (limit: MultipartLimits): BodyProblem => ({
  status: 413,
  message: `La richiesta è troppo grande: al massimo ${megabytes(limit.maxFileBytes)} di file in tutto, in non più di ${limit.maxFiles} file.`,
  details: { reason: 'tooLarge', maxFileBytes: limit.maxFileBytes, maxFiles: limit.maxFiles, maxRequestBytes: limit.maxRequestBytes },
});

/** What the JSON, form and text parsers (co-body, raw-body) throw: an http error with a `type`. */
interface ParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly message?: unknown;
  readonly limit?: unknown;
}

/** What the multipart parser (formidable) throws: a numeric `code` and the status it suggests. */
interface MultipartError {
  readonly code?: unknown;
  readonly httpCode?: unknown;
}

// formidable's error codes (formidable/src/FormidableError.js, v2).
const FORMIDABLE_TOO_LARGE = new Set([1006, 1007, 1009]);
const FORMIDABLE_ABORTED = 1002;

const problem = (status: BodyProblem['status'], message: string, reason: string): BodyProblem => ({ status, message, details: { reason } });

const INVALID_JSON = problem(400, 'Il corpo della richiesta non è JSON valido: controllare virgolette, virgole e parentesi.', 'invalidJson');
const ABORTED = problem(400, 'La richiesta si è interrotta prima della fine: riprovare.', 'aborted');

/** The 4xx for an error thrown while reading a JSON, form or text body; null when it is not the parser's. */
export function describeParserError(error: unknown): BodyProblem | null {
  if (error === null || typeof error !== 'object') return null;
  const { type, status, message, limit } = error as ParserError;
  if (error instanceof SyntaxError) {
    // The JSON parser (bourne) refuses prototype keys before we can see them.
    return /prototype/.test(String(message)) ? forbiddenKeyProblem('__proto__') : INVALID_JSON;
  }
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        message: `Il corpo della richiesta è troppo grande${typeof limit === 'number' ? `: al massimo ${Math.floor(limit / 1024)} kB` : ''}.`,
        details: { reason: 'tooLarge', ...(typeof limit === 'number' ? { maxBytes: limit } : {}) },
      };
    case 'request.aborted':
      return ABORTED;
    case 'request.size.invalid':
      return problem(400, 'La lunghezza dichiarata non corrisponde al corpo della richiesta.', 'sizeMismatch');
    case 'encoding.unsupported':
      return problem(415, 'La compressione del corpo della richiesta non è supportata: inviarlo senza compressione, gzip o deflate.', 'encodingUnsupported');
    case 'charset.unsupported':
      return problem(415, 'La codifica dei caratteri non è supportata: usare UTF-8.', 'charsetUnsupported');
    default:
      return typeof status === 'number' && status >= 400 && status < 500 ? INVALID_JSON : null;
  }
}

/** The 4xx for an error thrown while reading a multipart body; null when it is not the parser's. */
export function describeMultipartError(error: unknown, limit: MultipartLimits): BodyProblem | null {
  if (error === null || typeof error !== 'object') return null;
  const { code, httpCode } = error as MultipartError;
  if (typeof code !== 'number' || typeof httpCode !== 'number') return null;
  if (FORMIDABLE_TOO_LARGE.has(code) || httpCode === 413) return tooLarge(limit);
  if (code === FORMIDABLE_ABORTED) return ABORTED;
  return problem(
    400,
    'Il modulo inviato non è leggibile (multipart/form-data malformato): inviare di nuovo i dati e le foto dal modulo.',
    'malformedMultipart',
  );
}
