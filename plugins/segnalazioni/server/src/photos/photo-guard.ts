import { posix } from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { readPhotoRequest } from './domain/photo-path';
import { getService } from '../common/get-service';

/**
 * Stands before the static file server: a report photo's file (any of its formats) is served to
 * the public only once the photo is approved and its report published; otherwise only with a
 * signed link, which the API hands to the reporter and to officers. Anyone else gets a 404, as if
 * the file did not exist. Whatever spelling of the path was sent, the static server is handed the
 * canonical path of the very file decided on (photos/domain/photo-path.ts), so it cannot open another.
 * When uploads go to a bucket, the allowed file is served from it here (photo-bucket.ts): the same
 * rule decides, at the same address, for either provider.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const request = readPhotoRequest(ctx.path);
    if (request.kind === 'other') return next();

    const photos = getService(strapi, 'photos');
    const allowed = request.kind === 'photo' && (photos.hasValidSignature(request.hash, ctx.query) || (await photos.isPublic(request.hash)));
    if (!allowed) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
      return;
    }
    ctx.path = request.canonicalPath;
    // A signed link is personal: no shared cache may keep what it unlocked.
    ctx.set('Cache-Control', ctx.query.signature ? 'private, no-store' : 'public, max-age=60');
    const bucket = getService(strapi, 'photo-bucket');
    return bucket.isInUse() ? bucket.serve(ctx, posix.basename(request.canonicalPath)) : next();
  };
