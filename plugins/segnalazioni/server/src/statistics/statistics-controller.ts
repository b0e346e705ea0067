import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MIN_CELL_REPORTS } from './domain/statistics';
import { parseStatisticsQuery } from './domain/statistics-query';
import { getService } from '../common/get-service';
import { orThrow, unavailable } from '../common/errors';
import { Saturated } from '../common/concurrency-limit';
import { staffScopeOf } from '../staff/staff-request';

/**
 * Aggregates for the institutional site (public: only day × category cells of at least
 * `meta.minimumCellReports` reports count, see statistics/domain/statistics) and for staff (their scope, every report).
 */
const RETRY_AFTER_SECONDS = 5;

/** The figures, or a 503 that says when to ask again while this process computes as many as it may (`statisticsLoad`). */
async function figures<T>(ctx: Context, compute: () => Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    if (!(error instanceof Saturated)) throw error;
    ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
    throw unavailable(`Le statistiche sono molto richieste in questo momento: riprovare tra ${RETRY_AFTER_SECONDS} secondi.`, {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async public(ctx: Context) {
    const query = orThrow(parseStatisticsQuery(ctx.query));
    ctx.body = {
      data: await figures(ctx, () => getService(strapi, 'statistics').compute(query)),
      meta: { minimumCellReports: MIN_CELL_REPORTS },
    };
  },

  async staff(ctx: Context) {
    const scope = await staffScopeOf(strapi, ctx);
    const query = orThrow(parseStatisticsQuery(ctx.query));
    ctx.body = { data: await figures(ctx, () => getService(strapi, 'statistics').compute(query, scope)) };
  },
});
