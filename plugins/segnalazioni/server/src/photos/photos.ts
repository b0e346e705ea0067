import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import sharp from 'sharp';
import { PHOTO_EXTENSIONS, checkPhotos, sniffPhotoType, type PhotoType } from './domain/photo-rules';
import { plainText } from '../common/domain/plain-text';
import { signAccess, verifyAccess } from './domain/signed-access';
import { servedPhotoUrl } from './domain/photo-path';
import { isPhotoPublic } from '../archive/domain/visibility';
import { unavailable, validationError } from '../common/errors';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { settingOf } from '../common/settings';

/** A file as the multipart parser leaves it on disk. */
export interface IncomingFile {
  readonly filepath: string;
  readonly originalFilename?: string | null;
  readonly size: number;
}

/** A photo decoded, stripped of its metadata and re-encoded, waiting in a temp file to be stored. */
export interface PreparedPhoto {
  readonly filepath: string;
  readonly type: PhotoType;
  readonly size: number;
  readonly originalName: string;
}

export interface StoredFile {
  readonly id: number;
  readonly hash: string;
  readonly url: string;
  readonly width?: number | null;
  readonly height?: number | null;
  readonly formats?: Record<string, { url: string; width: number; height: number; ext?: string }> | null;
  readonly provider: string;
}

const HEAD_BYTES = 16;
const MAX_PIXELS = 60_000_000;
/** Longest side kept: ample to judge a pothole, and it bounds the cost of every resized copy. */
const MAX_SIDE = 2560;
const SIGNED_LINK_LIFETIME_MS = 60 * 60 * 1000;

async function readHead(filepath: string): Promise<Uint8Array> {
  const handle = await fs.open(filepath, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const displayName = (file: IncomingFile, index: number) => plainText(file.originalFilename ?? '', 'line') || `foto ${index + 1}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => settingOf(strapi, 'photos');
  const secret = () => `${PLUGIN_ID}:photos:${(strapi.config.get('server.app.keys') as string[])[0]}`;

  /**
   * Re-encodes the image: EXIF (GPS included), XMP and comments are dropped, the orientation is
   * applied to the pixels, and very large photos are scaled down.
   */
  async function strip(file: IncomingFile, type: PhotoType, name: string): Promise<PreparedPhoto> {
    const image = sharp(file.filepath, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded = type === 'image/png' ? image.png() : type === 'image/webp' ? image.webp({ quality: 85 }) : image.jpeg({ quality: 85 });
    const filepath = path.join(os.tmpdir(), `sgn-${randomBytes(8).toString('hex')}${PHOTO_EXTENSIONS[type]}`);
    try {
      const info = await encoded.toFile(filepath);
      return { filepath, type, size: info.size, originalName: name };
    } catch {
      await fs.rm(filepath, { force: true });
      throw new errors.ValidationError(`Il file "${name}" non è un'immagine leggibile.`);
    }
  }

  return {
    /**
     * Checks a citizen's photos (count, size, real type from the bytes) and strips them.
     * Throws a ValidationError naming every problem; nothing is stored here.
     */
    async prepare(files: readonly IncomingFile[], alreadyAttached = 0): Promise<PreparedPhoto[]> {
      const { maxPhotos, maxBytes } = config();
      const candidates = await Promise.all(
        files.map(async (file, index) => ({ name: displayName(file, index), size: file.size, head: await readHead(file.filepath) })),
      );
      const problems = checkPhotos(candidates, { maxPhotos: maxPhotos - alreadyAttached, maxBytes });
      if (problems.length > 0) throw validationError(problems);
      const prepared: PreparedPhoto[] = [];
      try {
        for (const [index, file] of files.entries()) {
          prepared.push(await strip(file, sniffPhotoType(candidates[index].head) as PhotoType, candidates[index].name));
        }
      } catch (error) {
        await this.discard(prepared);
        throw error;
      }
      return prepared;
    },

    async discard(prepared: readonly PreparedPhoto[]): Promise<void> {
      await Promise.all(prepared.map((photo) => fs.rm(photo.filepath, { force: true })));
    },

    /** Stores prepared photos through the upload plugin under names the photo guard recognises. */
    async store(prepared: readonly PreparedPhoto[]): Promise<StoredFile[]> {
      if (prepared.length === 0) return [];
      const files = prepared.map((photo) => ({
        filepath: photo.filepath,
        originalFilename: `sgn-${randomBytes(8).toString('hex')}${PHOTO_EXTENSIONS[photo.type]}`,
        mimetype: photo.type,
        size: photo.size,
      }));
      try {
        return (await strapi
          .plugin('upload')
          .service('upload')
          .upload({ data: { fileInfo: prepared.map((photo) => ({ alternativeText: photo.originalName })) }, files })) as StoredFile[];
      } catch (error) {
        if (error instanceof errors.ApplicationError || error instanceof errors.HttpError) throw error;
        // The store's own failure (a bucket out of reach, a full disk), not the citizen's: what it kept is swept.
        strapi.log.error(`[${PLUGIN_ID}] could not store photos: ${error instanceof Error ? error.message : String(error)}`);
        throw unavailable('Non è stato possibile salvare le foto in questo momento: riprova tra qualche minuto.');
      }
    },

    /** Removes stored files from disk and database: a submission that failed leaves nothing behind. */
    async removeFiles(files: readonly StoredFile[]): Promise<void> {
      for (const file of files) {
        await strapi.plugin('upload').service('upload').remove(file);
      }
    },

    /**
     * A link to a photo's file (`url` as stored, of any format) that works for whoever holds it, for
     * a while (an hour unless told), at the address the photo guard answers for either provider.
     */
    signedUrl(url: string, hash: string, lifetimeMs = SIGNED_LINK_LIFETIME_MS): string {
      const { expires, signature } = signAccess(hash, new Date(Date.now() + lifetimeMs), secret());
      return `${servedPhotoUrl(url)}?expires=${expires}&signature=${signature}`;
    },

    hasValidSignature(hash: string, query: { expires?: unknown; signature?: unknown }, now = new Date()): boolean {
      return verifyAccess(hash, query, now, secret());
    },

    /** Public means: the photo is approved and its report is published. */
    async isPublic(hash: string): Promise<boolean> {
      const photo = await strapi.db.query(UID.photo).findOne({
        where: { fileHash: hash },
        select: ['moderation'],
        populate: { report: { select: ['isPublic'] } },
      });
      return photo !== null && isPhotoPublic(photo, photo.report);
    },
  };
};
