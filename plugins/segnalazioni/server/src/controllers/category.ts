import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { PLUGIN_ID } from '../uids';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const data = await strapi.plugin(PLUGIN_ID).service('categories').listPublic();
    ctx.body = { data, meta: { total: data.length } };
  },
});
