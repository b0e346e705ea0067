'use strict';
/**
 * The archive's order within a category: one row per published report with its category and date
 * of publication, indexed in the order the archive lists them. A report's category lives in a
 * Strapi link table that cannot be indexed together with the date, so a category's page would
 * otherwise be found by probing every published report in turn. Kept by the workflow in the same
 * transaction as the publication, like the search index.
 */
const TABLE = 'segnalazioni_archive_by_category';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    await knex.schema.createTable(TABLE, (table) => {
      table.integer('report_id').primary();
      table.integer('category_id').nullable();
      table.datetime('published_on').notNullable();
      table.index(['category_id', 'published_on', 'report_id'], `${TABLE}_order`);
    });
  },
  async down() {
    throw new Error('The archive by category table is not dropped automatically');
  },
};
