import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { searchWords, toFts5Query, toTsQuery } from './domain/search-terms';
import { categoryWords, searchableText } from './domain/archive-entry';
import { ARCHIVE_TABLES } from './archive-tables';

type Engine = 'postgres' | 'sqlite' | null;

const { reports: PROJECTION, views: VIEWS, sqliteSearch: FTS } = ARCHIVE_TABLES;

/** Rows per insert into SQLite's index: it takes at most 500 rows in one multi-row insert (knex writes a compound SELECT). */
const FTS_CHUNK = 500;

/**
 * Full-text search of the archive's projection, by database: PostgreSQL keeps a tsvector with the
 * Italian configuration in the projection's row (GIN index), SQLite an FTS5 table beside it. Only
 * public words are ever written, so a search can only find what is public. On a database without
 * full-text search (MySQL) searches fall back to plain matching of the words.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = (): Engine => {
    const client = strapi.db.dialect.client;
    return client === 'postgres' ? 'postgres' : client === 'sqlite' ? 'sqlite' : null;
  };
  const knex = () => strapi.db.connection;

  return {
    /** The value of the projection's `document` column for `text`, where the database has one. */
    documentColumn(text: string): Record<string, Knex.Raw> {
      return engine() === 'postgres' ? { document: knex().raw(`to_tsvector('italian', ?)`, [text]) } : {};
    },

    /** Indexes the searchable text of reports whose projection rows exist (SQLite's separate table). */
    async index(trx: Knex.Transaction, entries: readonly { reportId: number; text: string }[]): Promise<void> {
      if (engine() !== 'sqlite') return;
      for (let start = 0; start < entries.length; start += FTS_CHUNK) {
        const chunk = entries.slice(start, start + FTS_CHUNK);
        await trx(FTS)
          .whereIn(
            'report_id',
            chunk.map(({ reportId }) => reportId),
          )
          .delete();
        await trx(FTS).insert(chunk.map(({ reportId, text }) => ({ report_id: reportId, content: text })));
      }
    },

    /** Rewrites the searchable text of a category's reports from their kept words, after a rename. */
    async reindexCategory(trx: Knex.Transaction, categoryId: number, name: string | null): Promise<void> {
      const kind = engine();
      if (kind === 'postgres') {
        await trx.raw(
          `UPDATE ${PROJECTION} AS a SET document = to_tsvector('italian', v.words || ?) FROM ${VIEWS} AS v WHERE v.report_id = a.report_id AND a.category_id = ?`,
          [categoryWords(name), categoryId],
        );
      } else if (kind === 'sqlite') {
        const rows = (await trx(`${PROJECTION} as a`)
          .join(`${VIEWS} as v`, 'v.report_id', 'a.report_id')
          .select('a.report_id', 'v.words')
          .where('a.category_id', categoryId)) as { report_id: number; words: string }[];
        await this.index(
          trx,
          rows.map((row) => ({ reportId: row.report_id, text: searchableText(row.words, name) })),
        );
      }
    },

    async unindex(trx: Knex.Transaction, reportId: number): Promise<void> {
      if (engine() === 'sqlite') await trx(FTS).where('report_id', reportId).delete();
    },

    /** Empties SQLite's index (PostgreSQL's lives in the projection's rows). */
    async clear(trx: Knex.Transaction): Promise<void> {
      if (engine() === 'sqlite') await trx(FTS).delete();
    },

    /**
     * Narrows a query of the projection (aliased `a`) to the reports matching `q` and gives the
     * expression that ranks them, best highest. Without an index every word must appear in the
     * public words (the views' `words`); the rank is then `null`.
     */
    restrict(query: Knex.QueryBuilder, q: string): { rank: Knex.Raw | null } {
      const words = searchWords(q);
      const kind = engine();
      if (kind === 'postgres') {
        const tsQuery = toTsQuery(words);
        query.whereRaw(`a.document @@ to_tsquery('italian', ?)`, [tsQuery]);
        return { rank: knex().raw(`ts_rank(a.document, to_tsquery('italian', ?))`, [tsQuery]) };
      }
      if (kind === 'sqlite') {
        // FTS5 wants its own table name on MATCH and bm25(), not an alias.
        query.join(FTS, `${FTS}.report_id`, 'a.report_id').whereRaw(`${FTS} MATCH ?`, [toFts5Query(words)]);
        return { rank: knex().raw(`-bm25(${FTS})`) };
      }
      query.join(`${VIEWS} as w`, 'w.report_id', 'a.report_id');
      for (const word of words) query.whereRaw('w.words LIKE ?', [`%${word}%`]);
      return { rank: null };
    },
  };
};
