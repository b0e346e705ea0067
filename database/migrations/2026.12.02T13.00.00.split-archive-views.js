'use strict';
/**
 * The archive projection's keys and its views apart: `segnalazioni_archive_reports` keeps what a
 * page is found by (category, status, instants and, on PostgreSQL, the search vector), a row of
 * about 300 bytes; `segnalazioni_archive_views` keeps what is served (`view`) and the folded words a
 * category rename rebuilds the search text from. A search's matches are ordered by their keys
 * alone: with the views in the same rows (about 2 KB each) ordering 60,000 matches of a million
 * reports read 470 MB of pages; now a seventh of that, and the keys stay in memory.
 *
 * The projection is derived data: it is emptied here (on PostgreSQL a dropped column's bytes stay in
 * every row until the table is rewritten; an emptied table has none) and the server rebuilds it at
 * its next boot, as after the migration that made it (about two minutes a million reports).
 */
const KEYS = 'segnalazioni_archive_reports';
const VIEWS = 'segnalazioni_archive_views';
const COUNTS = 'segnalazioni_archive_counts';
const SQLITE_SEARCH = 'segnalazioni_report_search';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(VIEWS)) return;
    await knex.schema.createTable(VIEWS, (table) => {
      table.integer('report_id').primary();
      table.text('words').notNullable();
      table.text('view').notNullable();
    });
    const postgres = /^(pg|postgres)/.test(String(knex.client.config.client));
    if (postgres) await knex.raw(`TRUNCATE ${KEYS}, ${COUNTS}`);
    else {
      await knex(KEYS).delete();
      await knex(COUNTS).delete();
      if (await knex.schema.hasTable(SQLITE_SEARCH)) await knex(SQLITE_SEARCH).delete();
    }
    await knex.schema.alterTable(KEYS, (table) => {
      table.dropColumn('words');
      table.dropColumn('view');
    });
  },
  async down() {
    throw new Error('The archive views are not merged back automatically');
  },
};
