import { Readable } from 'stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Context } from 'koa';
import { z } from 'zod';
import type { DiskFile } from './domain/upload-sweep';

/** The upload plugin's provider for an S3-compatible store (@strapi/provider-upload-aws-s3). */
export const BUCKET_PROVIDER = 'aws-s3';

/** Where the bucket is and how to reach it, from the S3_* variables (.env.example). */
export interface BucketSettings {
  readonly bucket: string;
  readonly region: string;
  /** Empty: AWS itself. */
  readonly endpoint: string;
  readonly forcePathStyle: boolean;
  /** Empty: the AWS SDK's own credential chain (environment, instance role…). */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

const providerOptionsSchema = z.object({
  s3Options: z.object({
    region: z.string().min(1),
    endpoint: z.string().min(1).optional(),
    forcePathStyle: z.boolean(),
    credentials: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string() }).optional(),
    // Private: the provider writes every object without public read, and signs the media library's links.
    params: z.object({ Bucket: z.string().min(1), ACL: z.literal('private') }),
  }),
});

type ProviderOptions = z.infer<typeof providerOptionsSchema>;

/** The provider's options for config/plugins.ts; the bucket is read back from them here, so it is set once. */
export function bucketProviderOptions(settings: BucketSettings): ProviderOptions {
  const { bucket, region, endpoint, forcePathStyle, accessKeyId, secretAccessKey } = settings;
  return {
    s3Options: {
      region,
      ...(endpoint ? { endpoint } : {}),
      forcePathStyle,
      ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      params: { Bucket: bucket, ACL: 'private' },
    },
  };
}

const statusOf = (error: unknown): number | null => (error instanceof S3ServiceException ? (error.$metadata.httpStatusCode ?? null) : null);

/**
 * The photos' bucket, when uploads go to one: the photo guard serves an allowed photo from it (the
 * bucket itself answers nobody without a signature), and the upload sweep lists it. On the local
 * provider it is not in use, and lists nothing.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let connection: { client: S3Client; bucket: string } | null = null;

  function connect(): { client: S3Client; bucket: string } | null {
    if (strapi.config.get('plugin::upload.provider') !== BUCKET_PROVIDER) return null;
    if (!connection) {
      const { params, ...clientOptions } = providerOptionsSchema.parse(strapi.config.get('plugin::upload.providerOptions')).s3Options;
      connection = { client: new S3Client(clientOptions), bucket: params.Bucket };
    }
    return connection;
  }

  return {
    isInUse(): boolean {
      return connect() !== null;
    },

    /**
     * Answers a GET or HEAD the photo guard allowed with the object named `key`: status, length,
     * type, ETag and Last-Modified from the store; Range and If-None-Match / If-Modified-Since are
     * passed to it, so a partial or "not modified" answer is the store's own.
     */
    async serve(ctx: Context, key: string): Promise<void> {
      const store = connect();
      if (!store) throw new Error('The photo bucket is not in use: uploads go to the local provider.');
      const since = ctx.get('if-modified-since') ? new Date(ctx.get('if-modified-since')) : undefined;
      const request = {
        Bucket: store.bucket,
        Key: key,
        Range: ctx.get('range') || undefined,
        IfNoneMatch: ctx.get('if-none-match') || undefined,
        IfModifiedSince: since && !Number.isNaN(since.getTime()) ? since : undefined,
      };
      try {
        const answer = await store.client.send(ctx.method === 'HEAD' ? new HeadObjectCommand(request) : new GetObjectCommand(request));
        ctx.status = answer.$metadata.httpStatusCode ?? 200;
        ctx.set('Accept-Ranges', 'bytes');
        if (answer.ContentType) ctx.type = answer.ContentType;
        if (answer.ContentRange) ctx.set('Content-Range', answer.ContentRange);
        if (answer.ETag) ctx.set('ETag', answer.ETag);
        if (answer.LastModified) ctx.set('Last-Modified', answer.LastModified.toUTCString());
        if ('Body' in answer && answer.Body instanceof Readable) ctx.body = answer.Body;
        if (answer.ContentLength !== undefined) ctx.length = answer.ContentLength;
      } catch (error) {
        const status = statusOf(error);
        if (status === 304) {
          ctx.status = 304;
        } else if (status === 404) {
          // A row whose object is gone: as the local provider's missing file.
          throw new errors.NotFoundError('Not Found');
        } else if (status === 416) {
          throw createHttpError(416, 'Intervallo richiesto non disponibile.');
        } else {
          throw error;
        }
      }
    },

    /** Every object of the bucket whose name passes `isOurs`, with its time (the store's clock: the sweep's grace dwarfs any skew). */
    async list(isOurs: (name: string) => boolean): Promise<DiskFile[]> {
      const store = connect();
      if (!store) return [];
      const objects: DiskFile[] = [];
      let token: string | undefined;
      do {
        const page = await store.client.send(new ListObjectsV2Command({ Bucket: store.bucket, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          if (object.Key && object.LastModified && isOurs(object.Key)) objects.push({ name: object.Key, modifiedAt: object.LastModified });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },

    async remove(names: readonly string[]): Promise<void> {
      const store = connect();
      if (!store) return;
      for (const name of names) await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: name }));
    },

    stop(): void {
      connection?.client.destroy();
      connection = null;
    },
  };
};
