import type { Core } from '@strapi/strapi';
import { officeFilter, type StaffScope } from '../domain/access';
import { computeStatistics, type Statistics, type StatisticsRow } from '../domain/statistics';
import { UID } from '../uids';

export interface StatisticsQuery {
  from?: string;
  to?: string;
  category?: string;
}

const FIELDS = ['status', 'submittedAt', 'takenInChargeAt', 'firstAnsweredAt', 'closedAt', 'dueTakeInChargeAt', 'dueFirstAnswerAt', 'dueCloseAt'];

/** Statistics of every report (not only published ones), as aggregates; staff see their scope. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async compute(query: StatisticsQuery, scope?: StaffScope): Promise<Statistics> {
    const conditions: Record<string, unknown>[] = [];
    if (query.from) conditions.push({ submittedAt: { $gte: `${query.from}T00:00:00.000Z` } });
    if (query.to) conditions.push({ submittedAt: { $lte: `${query.to}T23:59:59.999Z` } });
    if (query.category) conditions.push({ category: { slug: query.category } });
    const offices = scope ? officeFilter(scope) : null;
    if (offices) conditions.push({ office: { id: { $in: offices.length ? offices : [-1] } } });
    const rows = (await strapi.db.query(UID.report).findMany({
      where: { $and: conditions },
      select: FIELDS,
      populate: { category: { select: ['slug', 'name'] }, office: { select: ['name'] } },
    })) as StatisticsRow[];
    return computeStatistics(rows);
  },
});
