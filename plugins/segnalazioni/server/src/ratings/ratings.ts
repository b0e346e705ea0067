import type { Core } from '@strapi/strapi';
import { summarise, type RatingInput, type RatingSummary } from './domain/rating';
import { UID } from '../common/domain/uids';
import { rowsOf } from '../common/rows';

/** The service's ratings: each one kept as given, and their figures for the staff. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(input: RatingInput): Promise<void> {
    await strapi.db.query(UID.rating).create({ data: { ...input, detail: input.detail || null } });
  },

  async summary(): Promise<RatingSummary> {
    return summarise(await rowsOf(strapi, UID.rating).findMany({ select: ['stars', 'answer'] }));
  },

  /** The latest free words, newest first, for the office to read. */
  async latestDetails(limit = 20): Promise<{ stars: number; detail: string; at: string }[]> {
    const rows = await rowsOf(strapi, UID.rating).findMany({
      where: { detail: { $notNull: true } },
      select: ['stars', 'detail', 'createdAt'],
      orderBy: { id: 'desc' },
      limit,
    });
    return rows.map((row) => ({ stars: row.stars, detail: row.detail ?? '', at: row.createdAt }));
  },
});
