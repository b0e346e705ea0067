import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseRating } from './domain/rating';
import { orThrow } from '../common/errors';
import { getService } from '../common/get-service';

/** The rating of the service: anyone gives one (anonymous, rate-limited); the staff read their figures. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    await getService(strapi, 'ratings').record(orThrow(parseRating(ctx.request.body)));
    ctx.status = 201;
    ctx.body = { data: { recorded: true }, meta: {} };
  },

  async staff(ctx: Context) {
    const ratings = getService(strapi, 'ratings');
    ctx.body = { data: { ...(await ratings.summary()), latest: await ratings.latestDetails() }, meta: {} };
  },
});
