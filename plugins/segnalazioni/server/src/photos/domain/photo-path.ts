import { posix } from 'path';
import type { PublicPhoto } from '../../archive/domain/visibility';

/**
 * Which report photo a request for a static file asks for, decided on the path the static server
 * would open. The static server (koa-send, behind Strapi's `/uploads/(.*)` route and the
 * `strapi::public` catch-all) percent-decodes the path and resolves `.`, `..` and `//` before it
 * opens a file, so `/x/../uploads/%73gn_….jpg` opens the same file as `/uploads/sgn_….jpg`.
 *
 * Decoding and resolving only ever remove characters from the name of the file opened, never
 * add any: whatever spelling reaches a photo's file holds the photo's hash after decoding. So any
 * path that holds one (in any case, under any number of decodings) is a photo request, and is
 * either resolved here to its one canonical spelling — which is what the static server is then
 * given — or refused. A spelling this code resolves differently from the static server can
 * therefore only be refused, never open another file than the one decided on.
 */

/** Our photos' file names: `sgn_<16 hex>_<upload's 10 hex>`, with format prefixes for the resized copies. */
const PHOTO_FILE_NAME = /(?:[a-z]+_)?(sgn_[0-9a-f]{16}_[0-9a-f]{10})\.(?:jpg|png|webp)/;
const PHOTO_FILE = new RegExp(`^\\/uploads\\/${PHOTO_FILE_NAME.source}$`);
const PHOTO_FILE_NAME_ONLY = new RegExp(`^${PHOTO_FILE_NAME.source}$`);
/** The upload plugin's hash of one of our photos. */
const PHOTO_HASH = /^sgn_[0-9a-f]{16}_[0-9a-f]{10}$/;
const PHOTO_HASH_ANYWHERE = /sgn_[0-9a-f]{16}_[0-9a-f]{10}/i;
/** More decodings than any client sends; a path that still changes after them is refused. */
const MAX_DECODINGS = 3;

export type PhotoRequest =
  { readonly kind: 'other' } | { readonly kind: 'refused' } | { readonly kind: 'photo'; readonly hash: string; readonly canonicalPath: string };

/** The path and each successive percent-decoding of it, up to the first that changes nothing or fails. */
function decodings(rawPath: string): { forms: string[]; decodable: boolean } {
  const forms = [rawPath];
  for (let round = 0; round < MAX_DECODINGS; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(forms[forms.length - 1]);
    } catch {
      return { forms, decodable: false };
    }
    if (decoded === forms[forms.length - 1]) break;
    forms.push(decoded);
  }
  return { forms, decodable: true };
}

export function readPhotoRequest(rawPath: string): PhotoRequest {
  const { forms, decodable } = decodings(rawPath);
  if (!forms.some((form) => PHOTO_HASH_ANYWHERE.test(form))) return { kind: 'other' };
  // The static server decodes once; a photo name that needs a second decoding, or cannot be
  // decoded at all, is nobody's link.
  if (!decodable || forms.length > 2) return { kind: 'refused' };
  const resolved = posix.normalize(forms[forms.length - 1]);
  const match = PHOTO_FILE.exec(resolved);
  return match ? { kind: 'photo', hash: match[1], canonicalPath: resolved } : { kind: 'refused' };
}

/** The photo hash a file name in the uploads folder belongs to (any format), or null when it is not one of ours. */
export const photoHashOfFileName = (name: string): string | null => PHOTO_FILE_NAME_ONLY.exec(name)?.[1] ?? null;

export const isPhotoHash = (hash: string): boolean => PHOTO_HASH.test(hash);

/**
 * The address our server answers a stored photo file at (any format), whichever provider holds it:
 * `/uploads/<its file name>`, where the photo guard decides. The local provider's URL is already
 * that; a bucket's URL (or a presigned one) ends in the same file name, the object's key.
 * A URL that is not one of our photos' is returned as it is.
 */
export function servedPhotoUrl(storedUrl: string): string {
  const name = posix.basename(new URL(storedUrl, 'http://stored.invalid').pathname);
  return photoHashOfFileName(name) === null ? storedUrl : `/uploads/${name}`;
}

/** A photo's file as the public sees it: its URL and every format's, served where the photo guard decides. */
export function publicPhotoFile(file: {
  readonly url: string;
  readonly width?: number | null;
  readonly height?: number | null;
  readonly formats?: Readonly<Record<string, { readonly url: string; readonly width: number; readonly height: number }>> | null;
}): PublicPhoto {
  return {
    url: servedPhotoUrl(file.url),
    width: file.width ?? null,
    height: file.height ?? null,
    formats: Object.fromEntries(
      Object.entries(file.formats ?? {}).map(([name, format]) => [name, { url: servedPhotoUrl(format.url), width: format.width, height: format.height }]),
    ),
  };
}
