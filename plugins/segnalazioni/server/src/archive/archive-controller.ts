import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parseArchiveQuery } from './domain/archive-query';
import { getService } from '../common/get-service';
import { REPORT_NOT_FOUND, reportIdOf } from '../common/report-id';
import { orThrow } from '../common/errors';
import { featureCollection, GEOJSON_MEDIA_TYPE } from './domain/geojson';
import { atomDocument, newestOf, reportEntry, reportSteps, type AtomEntry } from './domain/atom-feed';
import { linksOf } from '../common/links';
import { settingOf } from '../common/settings';

const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';
/** Entries of the archive's feed, unless the query asks for fewer. */
const FEED_SIZE = 50;

/** The public archive over REST: published reports only, in the contract's shape. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** A feed of the archive at this address, by the municipality, updated with its newest entry (or `since`). */
  function serveFeed(ctx: Context, feed: { title: string; subtitle: string; alternate: string; entries: AtomEntry[]; since: string }): void {
    const self = linksOf(strapi).absolute(ctx.url);
    const municipality = settingOf(strapi, 'municipality').name;
    ctx.body = atomDocument({
      id: self,
      title: `${feed.title} – ${municipality}`,
      subtitle: feed.subtitle,
      updated: newestOf(feed.entries, feed.since),
      self,
      alternate: feed.alternate,
      author: municipality,
      entries: feed.entries,
    });
    ctx.type = ATOM_MEDIA_TYPE;
  }

  return {
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

    /** The newest published reports of the same query as `find` (a category's, a search's) as an Atom feed. */
    async feed(ctx: Context) {
      const query = orThrow(parseArchiveQuery({ pageSize: String(FEED_SIZE), ...ctx.query }));
      const { data } = await getService(strapi, 'archive').list(query);
      const links = linksOf(strapi);
      const category = query.category ? data.find((report) => report.category?.slug === query.category)?.category?.name : undefined;
      serveFeed(ctx, {
        title: `Segnalazioni${category ? ` – ${category}` : ''}`,
        subtitle: 'Le segnalazioni pubblicate nell’archivio dello Sportello Segnalazioni, dalla più recente.',
        alternate: links.archive,
        entries: data.map((report) => reportEntry(report, links.portalReport(report.documentId))),
        since: new Date(0).toISOString(),
      });
    },

    /** One published report's public steps as an Atom feed: follow it in a feed reader. */
    async reportFeed(ctx: Context) {
      const report = await getService(strapi, 'archive').findOne(reportIdOf(ctx));
      if (!report) throw new errors.NotFoundError(REPORT_NOT_FOUND);
      const page = linksOf(strapi).portalReport(report.documentId);
      serveFeed(ctx, {
        title: report.title,
        subtitle: `La segnalazione${report.protocolNumber ? ` ${report.protocolNumber}` : ''}: pubblicazione, risposte pubbliche e chiusura.`,
        alternate: page,
        entries: reportSteps(report, page),
        since: report.submittedAt,
      });
    },

    async findOne(ctx: Context) {
      const report = await getService(strapi, 'archive').findOne(reportIdOf(ctx));
      if (!report) throw new errors.NotFoundError(REPORT_NOT_FOUND);
      ctx.body = { data: report, meta: {} };
    },
  };
};
