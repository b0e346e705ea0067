import type { Core } from '@strapi/strapi';
import { versionedCache } from './versioned-cache';
import { settingOf } from '../common/settings';
import { oncePerRequest } from '../common/per-request';

const TABLE = 'segnalazioni_archive_version';

/**
 * Figures derived from the archive (the totals of a query, the reports per category), kept until
 * the archive changes. The version lives in the database (table made by database/migrations) and is
 * raised by the workflow inside its transaction, so every server process sees a publication on
 * its next request and none serves a stale total.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Bounded (archiveCache): enough for the pages people browse, a fixed share of memory however many
  // different queries arrive; with no entries, every answer is computed.
  const bounds = settingOf(strapi, 'archiveCache');
  const cache = bounds.maxEntries > 0 ? versionedCache(bounds) : null;

  // Read once per request: its entity tag and the cache behind it ask for the same version.
  const current = oncePerRequest(strapi, async (): Promise<string> => {
    const row = (await strapi.db.connection(TABLE).select('version').where('id', 1).first()) as { version: number | string } | undefined;
    return String(row?.version ?? 0);
  });

  return {
    /** The archive's version now: one read of its row by primary key (what the HTTP entity tags are made of). */
    current,

    /** Raises the version; inside `strapi.db.transaction` it commits or rolls back with the change. */
    async bump(): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLE).where('id', 1).increment('version', 1);
      });
    },

    /** `compute()`'s result for `key` at the archive's current version, computed once per version. */
    async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
      return cache ? cache.remember(await current(), key, compute) : compute();
    },
  };
};
