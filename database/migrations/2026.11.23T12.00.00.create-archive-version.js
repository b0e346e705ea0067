'use strict';
/**
 * The archive's version: one number that the workflow raises, in the same transaction, with every
 * change to a report. Every server process reads it per request, so what it derived from the
 * archive (the totals of a query) is reused until the archive changes, and never after.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('segnalazioni_archive_version'))) {
      await knex.schema.createTable('segnalazioni_archive_version', (table) => {
        table.integer('id').primary();
        table.bigInteger('version').notNullable();
      });
    }
    if (!(await knex('segnalazioni_archive_version').where('id', 1).first())) {
      await knex('segnalazioni_archive_version').insert({ id: 1, version: 0 });
    }
  },
  async down() {
    throw new Error('The archive version table is not dropped automatically');
  },
};
