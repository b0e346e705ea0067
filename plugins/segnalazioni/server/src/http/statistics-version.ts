import type { Core } from '@strapi/strapi';

const TABLE = 'segnalazioni_statistics_version';

/**
 * The version of the reports the statistics count (raised by the intake, beside the archive
 * version the workflow raises; see statistics/statistics.ts), by primary key, for the statistics'
 * entity tag only. Should the statistics keep their version elsewhere, this is the one place to follow.
 */
export async function statisticsVersion(strapi: Core.Strapi): Promise<string> {
  const row = (await strapi.db.connection(TABLE).select('version').where('id', 1).first()) as { version: number | string } | undefined;
  return String(row?.version ?? 0);
}
