import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { archiveTag, conditionOf, deploymentStamp, publicArchiveCacheControl } from './domain/http-cache';
import { getService } from '../common/get-service';
import { reportIdOf } from '../common/report-id';
import { settingOf } from '../common/settings';
import { PLUGIN_ID } from '../common/domain/uids';

/** The data a public answer is made of; its entity tag follows their versions. */
export type ArchiveData = 'archive' | 'statistics';

export interface ArchiveHttpCacheConfig {
  readonly data?: readonly ArchiveData[];
}

/** A public archive route's caching, naming the data its answers read: put in the route's `config.middlewares`. */
export const archiveHttpCache = (...data: [ArchiveData, ...ArchiveData[]]) => ({ name: `plugin::${PLUGIN_ID}.archive-http-cache`, config: { data } });

/**
 * Gives a public archive answer its entity tag and Cache-Control before the answer is computed, and
 * answers `304 Not Modified` (no body, same headers) when the client or cache already holds it. The
 * tag is read from the version rows alone, so a revalidation costs one indexed read per version.
 * A version raised while the answer is being computed can only make the body newer than its tag,
 * which the next revalidation corrects; never older.
 */
export default (config: ArchiveHttpCacheConfig, { strapi }: { strapi: Core.Strapi }) => {
  const versionOf: Record<ArchiveData, () => Promise<string>> = {
    archive: () => getService(strapi, 'archive-version').current(),
    statistics: () => getService(strapi, 'statistics-cells').version(),
  };
  const data = config.data ?? [];
  // A tag that follows no version would never change: refuse to start rather than serve stale answers.
  if (data.length === 0) throw new Error('archive-http-cache: name the data the route reads (archive, statistics)');
  const info = strapi.config.get<{ version?: string; strapi?: string }>('info', {});
  const deployment = deploymentStamp(
    strapi.config.get<string[]>('server.app.keys', []).join(','),
    `${info.version} ${info.strapi}`,
    strapi.config.get(`plugin::${PLUGIN_ID}`),
  );
  const cacheControl = publicArchiveCacheControl(settingOf(strapi, 'archiveSharedMaxAgeSeconds'));

  return async (ctx: Context, next: Next) => {
    // An id Strapi could not have made is a 404 before any query, the version's included.
    if ((ctx.params as { documentId?: unknown }).documentId !== undefined) reportIdOf(ctx);
    const tag = archiveTag({ versions: await Promise.all(data.map((name) => versionOf[name]())), url: ctx.originalUrl, deployment });
    ctx.set('ETag', tag);
    ctx.set('Cache-Control', cacheControl);
    const condition = conditionOf(ctx.get('If-None-Match') || undefined, tag);
    if (condition === 'not-modified') {
      ctx.status = 304;
      return;
    }
    try {
      await next();
    } finally {
      // An error is no representation of the resource: it carries no validator (cache-policy makes it no-store).
      if (ctx.status >= 400 || !ctx.body) ctx.remove('ETag');
    }
    if (condition === 'if-exists' && ctx.status < 300) ctx.status = 304;
  };
};
