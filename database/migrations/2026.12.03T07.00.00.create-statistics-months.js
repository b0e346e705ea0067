'use strict';
/**
 * Monthly rollups of the statistics' day aggregates (plugins/segnalazioni/server/src/statistics/
 * domain/statistics-rollup.ts): cells and histograms per audience × month, the public's holding
 * only the (day, category) cells of five reports or more, and the reports per (day, category) that
 * rule counts. A query reads whole months here and day cells only for the part-months at its ends.
 * The server fills them at its first boot after this migration (as `npm run archive:rebuild` does).
 */
const DAY_TOTALS = 'segnalazioni_statistics_day_totals';
const MONTH_CELLS = 'segnalazioni_statistics_month_cells';
const MONTH_DURATIONS = 'segnalazioni_statistics_month_durations';
const STEPS = ['take', 'answer', 'close'];

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(DAY_TOTALS))) {
      await knex.schema.createTable(DAY_TOTALS, (table) => {
        table.string('day', 10).notNullable();
        table.integer('category_id').notNullable();
        table.integer('reports').notNullable();
        table.primary(['day', 'category_id']);
      });
    }
    if (!(await knex.schema.hasTable(MONTH_CELLS))) {
      await knex.schema.createTable(MONTH_CELLS, (table) => {
        table.string('audience', 8).notNullable();
        table.string('month', 7).notNullable();
        table.integer('category_id').notNullable();
        table.integer('office_id').notNullable();
        table.string('status', 32).notNullable();
        table.integer('reports').notNullable();
        for (const step of STEPS) {
          table.integer(`${step}_reached`).notNullable();
          table.integer(`${step}_measured`).notNullable();
          table.integer(`${step}_in_time`).notNullable();
        }
        table.primary(['audience', 'month', 'category_id', 'office_id', 'status']);
        table.index(['audience', 'category_id', 'month'], `${MONTH_CELLS}_category_month`);
      });
    }
    if (!(await knex.schema.hasTable(MONTH_DURATIONS))) {
      await knex.schema.createTable(MONTH_DURATIONS, (table) => {
        table.string('audience', 8).notNullable();
        table.string('month', 7).notNullable();
        table.integer('category_id').notNullable();
        table.integer('office_id').notNullable();
        table.string('step', 16).notNullable();
        table.integer('tenths').notNullable();
        table.integer('reports').notNullable();
        table.primary(['audience', 'month', 'category_id', 'office_id', 'step', 'tenths']);
        table.index(['audience', 'category_id', 'month'], `${MONTH_DURATIONS}_category_month`);
      });
    }
  },
  async down() {
    throw new Error('The statistics aggregates are not dropped automatically');
  },
};
