import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parseArchiveQuery } from './domain/archive-query';
import { getService } from '../common/get-service';
import { REPORT_NOT_FOUND, reportIdOf } from '../common/report-id';
import { orThrow } from '../common/errors';
import { featureCollection, GEOJSON_MEDIA_TYPE } from './domain/geojson';

/** The public archive over REST: published reports only, in the contract's shape. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { data, pagination, cursor } = await getService(strapi, 'archive').list(orThrow(parseArchiveQuery(ctx.query)));
    ctx.body = { data, meta: { pagination, cursor } };
  },

  /** The same query and page as `find`, as a GeoJSON FeatureCollection (for maps and GIS). */
  async findGeoJson(ctx: Context) {
    const { data, pagination, cursor } = await getService(strapi, 'archive').list(orThrow(parseArchiveQuery(ctx.query)));
    ctx.body = featureCollection(data, { pagination, cursor });
    ctx.type = GEOJSON_MEDIA_TYPE;
  },

  async findOne(ctx: Context) {
    const report = await getService(strapi, 'archive').findOne(reportIdOf(ctx));
    if (!report) throw new errors.NotFoundError(REPORT_NOT_FOUND);
    ctx.body = { data: report, meta: {} };
  },
});
