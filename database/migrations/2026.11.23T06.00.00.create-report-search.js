'use strict';
/**
 * Full-text search of the public archive: a table that holds only what is public of each published
 * report (its approved title and text, accents folded), kept by the workflow in the same
 * transaction as the publication. PostgreSQL: a tsvector with the Italian configuration and a GIN
 * index; SQLite: an FTS5 table. Strapi ignores tables it did not create, so sync leaves it alone.
 */
module.exports = {
  async up(knex) {
    const client = String(knex.client.config.client);
    if (/^(pg|postgres)/.test(client)) {
      await knex.raw(`CREATE TABLE IF NOT EXISTS segnalazioni_report_search (
        report_id integer PRIMARY KEY,
        document tsvector NOT NULL
      )`);
      await knex.raw('CREATE INDEX IF NOT EXISTS segnalazioni_report_search_document_gin ON segnalazioni_report_search USING GIN (document)');
    } else if (/sqlite/.test(client)) {
      await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS segnalazioni_report_search USING fts5(
        report_id UNINDEXED,
        content,
        tokenize = 'unicode61 remove_diacritics 2'
      )`);
    }
  },
  async down() {
    throw new Error('The report search table is not dropped automatically');
  },
};
