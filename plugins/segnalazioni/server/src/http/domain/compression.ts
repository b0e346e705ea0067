import { constants } from 'zlib';

/**
 * Which answers are compressed: text, JSON, JavaScript and XML. Not images, fonts or archives
 * (compressed already), nor anything else binary: a photo is served by byte ranges (`206`), which
 * must stay ranges of the file itself.
 */
const COMPRESSIBLE = /^(text\/[\w.+-]+|application\/([\w.-]+\+)?(json|xml)|application\/(javascript|x-javascript|manifest\+json))$/;

export function isCompressible(type: string): boolean {
  return COMPRESSIBLE.test(type.trim().toLowerCase());
}

/**
 * koa-compress's options (what `strapi::compression` hands it): brotli preferred, then gzip; no
 * deflate (browsers disagree on what it means). Brotli at quality 4 and gzip at level 6 cost about
 * as much CPU as each other on dynamic answers; the higher brotli qualities cost many times more for
 * a few per cent. Answers under 1 KB are sent as they are: the saving would not pay for the framing.
 */
export const COMPRESSION = {
  threshold: 1024,
  br: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  gzip: { level: 6 },
  deflate: false,
  filter: isCompressible,
} as const;
