import type { Core } from '@strapi/strapi';
import { searchDocument, searchWords, toFts5Query, toTsQuery } from '../domain/search-terms';
import { PUBLISHED_WHERE } from '../domain/visibility';
import { UID } from '../uids';

const TABLE = 'segnalazioni_report_search';

type Engine = 'postgres' | 'sqlite' | null;

/**
 * The archive's full-text index (table made by database/migrations): one row per published report
 * with its public words only, so a search can only ever find what is public. `sync` runs inside the
 * workflow's transaction; on a database without it (MySQL) searches fall back to plain matching.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = (): Engine => {
    const client = strapi.db.dialect.client;
    return client === 'postgres' ? 'postgres' : client === 'sqlite' ? 'sqlite' : null;
  };
  const knex = () => strapi.db.connection;

  return {
    available: () => engine() !== null,

    /** Puts the report in the index if it is public, takes it out otherwise. */
    async sync(reportId: number): Promise<void> {
      const kind = engine();
      if (!kind) return;
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLE).where('report_id', reportId).delete();
        const report = await strapi.db.query(UID.report).findOne({
          where: { id: reportId, ...PUBLISHED_WHERE },
          select: ['publicTitle', 'title', 'publicText'],
          populate: { category: { select: ['name'] } },
        });
        if (!report) return;
        const document = searchDocument([report.publicTitle ?? report.title, report.publicText, report.category?.name]);
        if (kind === 'postgres') {
          await trx.raw(`INSERT INTO ${TABLE} (report_id, document) VALUES (?, to_tsvector('italian', ?))`, [reportId, document]);
        } else {
          await trx(TABLE).insert({ report_id: reportId, content: document });
        }
      });
    },

    /** Fills an empty index from the published reports: for databases that had reports before it existed. */
    async backfill(): Promise<number> {
      if (!engine()) return 0;
      const [{ count }] = await knex()(TABLE).count({ count: '*' });
      if (Number(count) > 0) return 0;
      const published = (await strapi.db.query(UID.report).findMany({ where: { ...PUBLISHED_WHERE }, select: ['id'] })) as { id: number }[];
      for (const { id } of published) await this.sync(id);
      return published.length;
    },

    /** Ids of the published reports matching `q`, best first; `null` when this database has no index. */
    async match(q: string): Promise<{ id: number; rank: number }[] | null> {
      const kind = engine();
      if (!kind) return null;
      const words = searchWords(q);
      if (words.length === 0) return [];
      const rows =
        kind === 'postgres'
          ? (await knex().raw(
              `SELECT report_id AS id, ts_rank(document, query) AS rank FROM ${TABLE}, to_tsquery('italian', ?) query WHERE document @@ query ORDER BY rank DESC, report_id DESC`,
              [toTsQuery(words)],
            )).rows
          : await knex().raw(`SELECT report_id AS id, -bm25(${TABLE}) AS rank FROM ${TABLE} WHERE ${TABLE} MATCH ? ORDER BY rank DESC`, [toFts5Query(words)]);
      return (rows as { id: number | string; rank: number | string }[]).map((row) => ({ id: Number(row.id), rank: Number(row.rank) }));
    },
  };
};
