'use strict';
/**
 * The public archive as a read model: one row per published report holding exactly what the public
 * may see of it, ready to serve (`view`, JSON), with its sort and filter keys and, on PostgreSQL, its
 * search vector beside it (SQLite keeps its FTS5 table, segnalazioni_report_search). The workflow
 * writes a report's row in the same transaction as the change that alters it
 * (archive/archive-projection.ts); `npm run archive:rebuild` rebuilds every row from the source
 * tables, and the server fills an empty projection at its first boot after this migration.
 *
 * Counts per (category, status) are kept beside it, so the archive's totals are a read of a few
 * rows. The former per-category order table and PostgreSQL's separate search table are replaced.
 */
const TABLE = 'segnalazioni_archive_reports';
const COUNTS = 'segnalazioni_archive_counts';
const REPLACED = 'segnalazioni_archive_by_category';

module.exports = {
  async up(knex) {
    const postgres = /^(pg|postgres)/.test(String(knex.client.config.client));
    if (!(await knex.schema.hasTable(TABLE))) {
      await knex.schema.createTable(TABLE, (table) => {
        table.integer('report_id').primary();
        table.string('document_id', 64).notNullable().unique(`${TABLE}_document_id`);
        // 0 for a report without category, so that (category, date) stays one plain index.
        table.integer('category_id').notNullable();
        table.string('status', 32).notNullable();
        // Instants as milliseconds since the epoch: one representation on every database, for
        // comparisons and for the cursor of keyset pagination.
        table.bigInteger('published_ms').notNullable();
        table.bigInteger('submitted_ms').notNullable();
        // The folded public words (title, text): a category rename rebuilds the search text from it.
        table.text('words').notNullable();
        table.text('view').notNullable();
        table.index(['published_ms', 'report_id'], `${TABLE}_order`);
        table.index(['category_id', 'published_ms', 'report_id'], `${TABLE}_category_order`);
        table.index(['status', 'published_ms', 'report_id'], `${TABLE}_status_order`);
        table.index(['submitted_ms'], `${TABLE}_submitted`);
      });
      if (postgres) {
        await knex.raw(`ALTER TABLE ${TABLE} ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector`);
        await knex.raw(`CREATE INDEX ${TABLE}_document_gin ON ${TABLE} USING GIN (document)`);
      }
    }
    if (!(await knex.schema.hasTable(COUNTS))) {
      await knex.schema.createTable(COUNTS, (table) => {
        table.integer('category_id').notNullable();
        table.string('status', 32).notNullable();
        table.integer('reports').notNullable();
        table.primary(['category_id', 'status']);
      });
    }
    await knex.schema.dropTableIfExists(REPLACED);
    if (postgres) await knex.schema.dropTableIfExists('segnalazioni_report_search');
  },
  async down() {
    throw new Error('The archive projection is not dropped automatically');
  },
};
