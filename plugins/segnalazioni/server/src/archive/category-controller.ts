import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../common/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const data = await getService(strapi, 'categories').listPublic();
    ctx.body = { data, meta: { total: data.length } };
  },
});
