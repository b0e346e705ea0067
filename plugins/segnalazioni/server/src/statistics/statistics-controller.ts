import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MIN_CELL_REPORTS } from './domain/statistics';
import { parseStatisticsQuery } from './domain/statistics-query';
import { getService } from '../common/get-service';
import { orThrow } from '../common/errors';
import { staffScopeOf } from '../staff/staff-request';

/**
 * Aggregates for the institutional site (public: only day × category cells of at least
 * `meta.minimumCellReports` reports count, see statistics/domain/statistics) and for staff (their scope, every report).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async public(ctx: Context) {
    ctx.body = {
      data: await getService(strapi, 'statistics').compute(orThrow(parseStatisticsQuery(ctx.query))),
      meta: { minimumCellReports: MIN_CELL_REPORTS },
    };
  },

  async staff(ctx: Context) {
    const scope = await staffScopeOf(strapi, ctx);
    ctx.body = { data: await getService(strapi, 'statistics').compute(orThrow(parseStatisticsQuery(ctx.query)), scope) };
  },
});
