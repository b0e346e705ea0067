import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parseArchiveQuery } from '../domain/archive-query';
import { getService } from '../services/get-service';
import { orThrow } from './report-request';

/** The public archive over REST: published reports only, in the contract's shape. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { data, pagination } = await getService(strapi, 'archive').list(orThrow(parseArchiveQuery(ctx.query)));
    ctx.body = { data, meta: { pagination } };
  },

  async findOne(ctx: Context) {
    const report = await getService(strapi, 'archive').findOne(ctx.params.documentId);
    if (!report) throw new errors.NotFoundError('Segnalazione non trovata.');
    ctx.body = { data: report, meta: {} };
  },
});
