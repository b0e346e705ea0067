'use strict';
/**
 * The reports' version for the statistics: one number raised, in the same transaction, by every
 * write of a report through the Document Service (a new report, a citizen's edit); the workflow's
 * changes raise the archive version. Every server process reads both per request, so computed
 * statistics are reused until a report changes, and never after.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('segnalazioni_statistics_version'))) {
      await knex.schema.createTable('segnalazioni_statistics_version', (table) => {
        table.integer('id').primary();
        table.bigInteger('version').notNullable();
      });
    }
    if (!(await knex('segnalazioni_statistics_version').where('id', 1).first())) {
      await knex('segnalazioni_statistics_version').insert({ id: 1, version: 0 });
    }
  },
  async down() {
    throw new Error('The statistics version table is not dropped automatically');
  },
};
