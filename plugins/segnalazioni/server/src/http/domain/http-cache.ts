import { createHash, createHmac } from 'crypto';

/**
 * HTTP caching of the public archive, and who may keep any other answer (RFC 9110, RFC 9111).
 *
 * An archive answer is a function of the data versions it reads, the request's URL (path and
 * query) and how this deployment renders it (its configuration and code). Its entity tag is a
 * digest of exactly these, so it is known from one read of the version rows, before (and
 * without) computing the answer. It is weak: the same JSON is served gzip, brotli or plain.
 */
export interface TagInputs {
  /** The data versions the answer depends on, in a fixed order. */
  readonly versions: readonly string[];
  /** The request's path and query string, as sent. */
  readonly url: string;
  /** What else shapes the body in this deployment (see `deploymentStamp`). */
  readonly deployment: string;
}

export function archiveTag({ versions, url, deployment }: TagInputs): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([deployment, versions, url]))
    .digest('base64url')
    .slice(0, 27);
  return `W/"${digest}"`;
}

/**
 * What a deployment changes in the public answers without changing any data: its release and its
 * settings (the public address in photo links, whether deadlines are public, …). All settings count,
 * so none that shapes a body can be forgotten; a changed setting only costs one full answer per client.
 * Keyed by the servers' shared secret, so nobody can work out the tag of a URL the server never
 * answered with a 2xx: a 304 goes only to a request whose full answer would be that same 2xx
 * (RFC 9110 §13.2.1), never in place of a 400 or a 404.
 */
export function deploymentStamp(secret: string, release: string, settings: unknown): string {
  return createHmac('sha256', secret)
    .update(JSON.stringify([release, settings]))
    .digest('base64url')
    .slice(0, 22);
}

/** One entity-tag of a list (empty elements allowed): `W/"…"` or `"…"`; the opaque part may hold commas but no quote. */
const ENTITY_TAG = /[\s,]*(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;

/**
 * The opaque parts of an `If-None-Match` list, or `'*'`; null when the field is malformed, which
 * counts as no match: a malformed condition must not turn a full answer into an empty one.
 */
export function parseIfNoneMatch(field: string): readonly string[] | '*' | null {
  if (field.trim() === '*') return '*';
  const opaque: string[] = [];
  ENTITY_TAG.lastIndex = 0;
  while (ENTITY_TAG.lastIndex < field.length) {
    const start = ENTITY_TAG.lastIndex;
    const match = ENTITY_TAG.exec(field);
    if (!match) return field.slice(start).trim() === '' ? opaque : null;
    opaque.push(match[1]);
  }
  return opaque.length > 0 ? opaque : null;
}

/**
 * What `If-None-Match` asks of an answer whose tag is `currentTag` (RFC 9110 §13.1.2):
 * - `not-modified`: it lists a tag equal to the current one by weak comparison (the opaque parts are
 *   equal, whether either is weak or not): `304 Not Modified` without computing the answer;
 * - `if-exists`: it is `*`, which matches any current representation: `304` if the answer is a 2xx,
 *   the answer itself otherwise (a `404` stays a `404`);
 * - `modified`: no field, no matching tag, or a malformed field (which must not turn a full answer
 *   into an empty one): the full answer.
 */
export type Condition = 'not-modified' | 'if-exists' | 'modified';

export function conditionOf(ifNoneMatch: string | undefined, currentTag: string): Condition {
  if (ifNoneMatch === undefined) return 'modified';
  const listed = parseIfNoneMatch(ifNoneMatch);
  if (listed === null) return 'modified';
  if (listed === '*') return 'if-exists';
  const current = parseIfNoneMatch(currentTag);
  return Array.isArray(current) && current.length === 1 && listed.includes(current[0]) ? 'not-modified' : 'modified';
}

/** Answers no cache may keep: personal ones, those setting a cookie, errors. */
export const NO_STORE = 'private, no-store';

/**
 * The public archive: browsers revalidate every time (a 304 costs one indexed read), shared caches
 * (a CDN, a reverse proxy) may answer for `sharedMaxAgeSeconds` without asking, and never serve a
 * stale copy beyond that — an unpublished report leaves every cache within that time.
 */
export function publicArchiveCacheControl(sharedMaxAgeSeconds: number): string {
  return `public, max-age=0, s-maxage=${sharedMaxAgeSeconds}, must-revalidate`;
}

export interface FinishedAnswer {
  readonly status: number;
  /** The answer's Cache-Control as its route set it, if any. */
  readonly cacheControl: string | undefined;
  readonly setsCookie: boolean;
}

/**
 * The Cache-Control an answer leaves with. Routes that may be kept say so themselves (the archive,
 * the admin's and the portal's files, public photos); everything else — citizens' and staff
 * answers, logins, GraphQL — is personal or not worth keeping, and no answer that sets a cookie or
 * reports an error may be kept as if it were the resource.
 */
export function finalCacheControl({ status, cacheControl, setsCookie }: FinishedAnswer): string {
  if (setsCookie || status >= 400 || !cacheControl) return NO_STORE;
  return cacheControl;
}
