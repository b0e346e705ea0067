import os from 'os';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { describeMultipartError, mediaUploadLimits, photoUploadLimits, tooLarge, type MultipartLimits } from './domain/request-body';
import { bodyError } from '../common/errors';
import { TempUploads } from './temp-uploads';
import { strapiBodyParser } from './strapi-body';
import { settingOf } from '../common/settings';

/** Whose limits apply: a report's photos, or the media library's files. */
export type UploadKind = 'photos' | 'media';

/**
 * Parses a multipart body for one route that takes files (file-routes.ts), after authentication:
 * a body declared larger than the limits is refused before a byte is read, one that grows past
 * them while arriving is stopped there, and every temp file it wrote is removed once the request
 * is over — answered, refused or failed.
 */
export function createMultipartParser(strapi: Core.Strapi, uploads: UploadKind) {
  const limitsNow = (): MultipartLimits =>
    uploads === 'photos' ? photoUploadLimits(settingOf(strapi, 'photos')) : mediaUploadLimits(strapi.config.get('plugin::upload.sizeLimit') as number);

  return async (ctx: Context, next: Next) => {
    if (!ctx.is('multipart')) return next();
    const limits = limitsNow();
    if (Number(ctx.get('Content-Length')) > limits.maxRequestBytes) throw bodyError(tooLarge(limits));

    const temp = new TempUploads(limits.maxFiles);
    // Strapi's own body parser, for the same fields and files shape every upload controller reads.
    const parse = strapiBodyParser(strapi, {
      multipart: true,
      formidable: {
        uploadDir: os.tmpdir(),
        maxFileSize: limits.maxFileBytes,
        maxFieldsSize: limits.maxFieldBytes,
        onFileBegin: temp.begin,
        fileWriteStreamHandler: temp.open,
      },
    });
    let parsed = false;
    try {
      await parse(ctx, async () => {
        parsed = true;
        if (temp.tooManyFiles) throw bodyError(tooLarge(limits));
        await next();
      });
    } catch (error) {
      if (parsed) throw error;
      const problem = describeMultipartError(error, limits);
      throw problem ? bodyError(problem) : error;
    } finally {
      await temp.removeAll();
    }
    // Strapi's parser answers formidable's size error itself, in English, without going on.
    if (!parsed) throw bodyError(tooLarge(limits));
  };
}
