import { randomBytes } from 'crypto';
import { createWriteStream, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Readable, Transform } from 'stream';
import { pipeline } from 'stream/promises';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { CHANNEL_LABELS } from './domain/channels';
import { isPermanentGraphFailure } from './domain/graph-errors';
import { megabytes } from '../photos/domain/photo-rules';
import { settingOf } from '../common/settings';

/** A Graph API answer other than 2xx, with Meta's own message and code when it gave them. */
export class GraphApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: number | null,
    readonly transient: boolean | null = null,
  ) {
    super(`Graph API ${status}${code === null ? '' : ` (code ${code})`}: ${message}`);
    this.name = 'GraphApiError';
  }

  /** Asking again will not help (see channels/domain/graph-errors). */
  get permanent(): boolean {
    return isPermanentGraphFailure(this);
  }
}

/** A media file downloaded to a temp file, as the photo pipeline takes it. */
export interface DownloadedMedia {
  readonly filepath: string;
  readonly size: number;
  readonly originalFilename: string;
}

export type MediaDownload = { readonly ok: true; readonly file: DownloadedMedia } | { readonly ok: false; readonly reason: string };

const mediaInfo = z.looseObject({
  url: z.url({ protocol: /^https?$/ }),
  mime_type: z.string().optional(),
  file_size: z.coerce.number().nonnegative().optional(),
});

/** The images of a Facebook photo, in several sizes. */
const photoInfo = z.looseObject({
  images: z.array(z.looseObject({ source: z.url({ protocol: /^https?$/ }), width: z.number().nonnegative(), height: z.number().nonnegative() })).min(1),
});

/** A photo to fetch: a WhatsApp message's media, or the photo of a Facebook post. */
export type MediaSource = { readonly channel: 'whatsapp'; readonly mediaId: string } | { readonly channel: 'facebook'; readonly photoId: string };

interface LocatedMedia {
  readonly url: string;
  /** What Meta declares, when it does. */
  readonly size?: number;
}

const metaError = z.looseObject({
  error: z.looseObject({ message: z.string().optional(), code: z.number().optional(), is_transient: z.boolean().optional() }),
});

class TooLarge extends Error {}

const GONE: Record<MediaSource['channel'], string> = {
  whatsapp: 'La foto non è più disponibile su WhatsApp: inviala di nuovo.',
  facebook: 'La foto non è più disponibile su Facebook.',
};

/** Meta's Graph API over HTTP: calls with a bearer token and a timeout, and media downloads with a size cap. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => settingOf(strapi, 'channels');
  const urlOf = (pathname: string) => `${config().graphApiUrl.replace(/\/$/, '')}/${config().graphApiVersion}/${pathname}`;

  async function call(method: 'GET' | 'POST', pathname: string, token: string, body?: unknown): Promise<unknown> {
    const response = await fetch(urlOf(pathname), {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config().requestTimeoutMs),
    });
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = metaError.safeParse(json);
      const error = parsed.success ? parsed.data.error : null;
      throw new GraphApiError(response.status, error?.message ?? response.statusText, error?.code ?? null, error?.is_transient ?? null);
    }
    return json;
  }

  async function locate(source: MediaSource, token: string): Promise<LocatedMedia> {
    const invalid = () => new GraphApiError(502, 'media without a download URL', null);
    if (source.channel === 'whatsapp') {
      const parsed = mediaInfo.safeParse(await call('GET', encodeURIComponent(source.mediaId), token));
      if (!parsed.success) throw invalid();
      return { url: parsed.data.url, size: parsed.data.file_size };
    }
    const parsed = photoInfo.safeParse(await call('GET', `${encodeURIComponent(source.photoId)}?fields=images`, token));
    if (!parsed.success) throw invalid();
    const [largest] = [...parsed.data.images].sort((a, b) => b.width * b.height - a.width * a.height);
    return { url: largest.source };
  }

  return {
    post: (pathname: string, token: string, body: unknown) => call('POST', pathname, token, body),

    /**
     * Fetches a photo: a WhatsApp media (its URL from GET /{media-id}, then the bytes with the same
     * token) or a Facebook photo (its largest image from GET /{photo-id}?fields=images, then the
     * bytes from Meta's CDN, which takes no token), written to a temp file and cut off past
     * `maxBytes`. A photo Meta no longer has, or too large, is a refusal with a reason the sender
     * reads; a failure that may pass (5xx, network) throws.
     */
    async downloadMedia(source: MediaSource, token: string, maxBytes: number): Promise<MediaDownload> {
      const gone: MediaDownload = { ok: false, reason: GONE[source.channel] };
      let info: LocatedMedia;
      try {
        info = await locate(source, token);
      } catch (error) {
        if (error instanceof GraphApiError && error.permanent) return gone;
        throw error;
      }
      const tooLarge = (size: number): MediaDownload => ({ ok: false, reason: `La foto pesa ${megabytes(size)}: il massimo è ${megabytes(maxBytes)}.` });
      if (info.size !== undefined && info.size > maxBytes) return tooLarge(info.size);

      const response = await fetch(info.url, {
        headers: source.channel === 'whatsapp' ? { Authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(config().requestTimeoutMs),
      });
      if (!response.ok || !response.body) {
        const error = new GraphApiError(response.status, 'media download failed', null);
        if (error.permanent) return gone;
        throw error;
      }
      const filepath = path.join(os.tmpdir(), `sgn-media-${randomBytes(8).toString('hex')}`);
      let size = 0;
      const cap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(size > maxBytes ? new TooLarge() : null, chunk);
        },
      });
      try {
        await pipeline(Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]), cap, createWriteStream(filepath));
      } catch (error) {
        await fs.rm(filepath, { force: true });
        if (error instanceof TooLarge) return tooLarge(size);
        throw error;
      }
      return { ok: true, file: { filepath, size, originalFilename: `foto ${CHANNEL_LABELS[source.channel]}` } };
    },
  };
};
