'use strict';
/**
 * The statistics as maintained aggregates (plugins/segnalazioni/server/src/statistics/): each
 * report's last contribution (its fact), cells per Rome day × category × office × status with the
 * counts of reports and of steps reached, measured and done in time, and a histogram of the steps'
 * durations (tenths of an hour, two significant figures) per day × category × office. The workflow
 * and the intake move them in the transaction of each change; a public figure is a read of cells,
 * never of reports. The server fills them at its first boot after this migration;
 * `npm run archive:rebuild` rebuilds them.
 */
const FACTS = 'segnalazioni_statistics_facts';
const CELLS = 'segnalazioni_statistics_cells';
const DURATIONS = 'segnalazioni_statistics_durations';
const STEPS = ['take', 'answer', 'close'];

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(FACTS))) {
      await knex.schema.createTable(FACTS, (table) => {
        table.integer('report_id').primary();
        table.string('day', 10).notNullable();
        // 0: no category (or office) yet, so that every key stays one plain index.
        table.integer('category_id').notNullable();
        table.integer('office_id').notNullable();
        table.string('status', 32).notNullable();
        for (const step of STEPS) {
          table.integer(`${step}_tenths`).nullable();
          table.boolean(`${step}_in_time`).nullable();
        }
        table.index(['category_id'], `${FACTS}_category`);
        table.index(['office_id'], `${FACTS}_office`);
      });
    }
    if (!(await knex.schema.hasTable(CELLS))) {
      await knex.schema.createTable(CELLS, (table) => {
        table.string('day', 10).notNullable();
        table.integer('category_id').notNullable();
        table.integer('office_id').notNullable();
        table.string('status', 32).notNullable();
        table.integer('reports').notNullable();
        for (const step of STEPS) {
          table.integer(`${step}_reached`).notNullable();
          table.integer(`${step}_measured`).notNullable();
          table.integer(`${step}_in_time`).notNullable();
        }
        table.primary(['day', 'category_id', 'office_id', 'status']);
        table.index(['category_id', 'day'], `${CELLS}_category_day`);
      });
    }
    if (!(await knex.schema.hasTable(DURATIONS))) {
      await knex.schema.createTable(DURATIONS, (table) => {
        table.string('day', 10).notNullable();
        table.integer('category_id').notNullable();
        table.integer('office_id').notNullable();
        table.string('step', 16).notNullable();
        table.integer('tenths').notNullable();
        table.integer('reports').notNullable();
        table.primary(['day', 'category_id', 'office_id', 'step', 'tenths']);
        table.index(['category_id', 'day'], `${DURATIONS}_category_day`);
      });
    }
  },
  async down() {
    throw new Error('The statistics aggregates are not dropped automatically');
  },
};
