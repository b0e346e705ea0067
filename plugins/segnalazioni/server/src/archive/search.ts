import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { searchDocument, searchWords, toFts5Query, toTsQuery } from './domain/search-terms';
import { PUBLISHED_WHERE } from './domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { rowsOf } from '../common/rows';

const TABLE = 'segnalazioni_report_search';
/** Published reports by category in the archive's order (made by database/migrations, on every database). */
export const BY_CATEGORY = 'segnalazioni_archive_by_category';

type Engine = 'postgres' | 'sqlite' | null;

/**
 * The archive's indexes (tables made by database/migrations), one row per published report: its
 * public words only, so a search can only ever find what is public, and its category and date of
 * publication, so a category's page is read in order. `sync` runs inside the workflow's transaction;
 * on a database without full-text search (MySQL) searches fall back to plain matching.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = (): Engine => {
    const client = strapi.db.dialect.client;
    return client === 'postgres' ? 'postgres' : client === 'sqlite' ? 'sqlite' : null;
  };
  const knex = () => strapi.db.connection;
  const isEmpty = async (table: string) => Number((await knex()(table).count({ count: '*' }))[0]?.count ?? 0) === 0;

  return {
    available: () => engine() !== null,

    /** Puts the report in the indexes if it is public, takes it out otherwise. */
    async sync(reportId: number): Promise<void> {
      const kind = engine();
      await strapi.db.transaction(async ({ trx }) => {
        await trx(BY_CATEGORY).where('report_id', reportId).delete();
        if (kind) await trx(TABLE).where('report_id', reportId).delete();
        const report = await strapi.db.query(UID.report).findOne({
          where: { id: reportId, ...PUBLISHED_WHERE },
          select: ['publicTitle', 'title', 'publicText', 'publishedOn'],
          populate: { category: { select: ['id', 'name'] } },
        });
        if (!report) return;
        await trx(BY_CATEGORY).insert({ report_id: reportId, category_id: report.category?.id ?? null, published_on: new Date(report.publishedOn) });
        const document = searchDocument([report.publicTitle ?? report.title, report.publicText, report.category?.name]);
        if (kind === 'postgres') {
          await trx.raw(`INSERT INTO ${TABLE} (report_id, document) VALUES (?, to_tsvector('italian', ?))`, [reportId, document]);
        } else if (kind === 'sqlite') {
          await trx(TABLE).insert({ report_id: reportId, content: document });
        }
      });
    },

    /** Fills empty indexes from the published reports: for databases that had reports before they existed. */
    async backfill(): Promise<number> {
      const empty = (await isEmpty(BY_CATEGORY)) || (engine() !== null && (await isEmpty(TABLE)));
      if (!empty) return 0;
      const published = await rowsOf(strapi, UID.report).findMany({ where: { ...PUBLISHED_WHERE }, select: ['id'] });
      for (const { id } of published) await this.sync(id);
      if (published.length > 0) await getService(strapi, 'archive-version').bump();
      return published.length;
    },

    /**
     * Narrows an archive query (reports aliased `r`) to the reports matching `q` and gives the
     * expression that ranks them, best highest. `null` when this database has no index: the caller
     * matches plainly.
     */
    restrict(query: Knex.QueryBuilder, q: string): { rank: Knex.Raw } | null {
      const kind = engine();
      if (!kind) return null;
      const words = searchWords(q);
      if (kind === 'postgres') {
        const tsQuery = toTsQuery(words);
        query.join(`${TABLE} as s`, 's.report_id', 'r.id').whereRaw(`s.document @@ to_tsquery('italian', ?)`, [tsQuery]);
        return { rank: knex().raw(`ts_rank(s.document, to_tsquery('italian', ?))`, [tsQuery]) };
      }
      // FTS5 wants its own table name on MATCH and bm25(), not an alias.
      query.join(TABLE, `${TABLE}.report_id`, 'r.id').whereRaw(`${TABLE} MATCH ?`, [toFts5Query(words)]);
      return { rank: knex().raw(`-bm25(${TABLE})`) };
    },
  };
};
