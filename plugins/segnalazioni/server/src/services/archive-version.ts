import type { Core } from '@strapi/strapi';

const TABLE = 'segnalazioni_archive_version';

/** How many derived figures one process keeps for the current version; enough for the pages people browse. */
const MAX_ENTRIES = 2000;

/**
 * Figures derived from the archive (the totals of a query, the reports per category), kept until
 * the archive changes. The version lives in the database (table made by database/migrations) and is
 * raised by the workflow inside its transaction, so every server process sees a publication on
 * its next request and none serves a stale total.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cachedVersion: string | null = null;
  let entries = new Map<string, Promise<unknown>>();

  async function current(): Promise<string> {
    const row = (await strapi.db.connection(TABLE).select('version').where('id', 1).first()) as { version: number | string } | undefined;
    return String(row?.version ?? 0);
  }

  return {
    /** Raises the version; inside `strapi.db.transaction` it commits or rolls back with the change. */
    async bump(): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLE).where('id', 1).increment('version', 1);
      });
    },

    /** `compute()`'s result for `key` at the archive's current version, computed once per version. */
    async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const version = await current();
      if (version !== cachedVersion) {
        cachedVersion = version;
        entries = new Map();
      }
      const known = entries.get(key) as Promise<T> | undefined;
      if (known) return known;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      const computed = compute();
      entries.set(key, computed);
      // A failed computation is not remembered: the next request tries again.
      computed.catch(() => entries.get(key) === computed && entries.delete(key));
      return computed;
    },
  };
};
