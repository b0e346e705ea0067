'use strict';
/**
 * The abuse limits' counters, shared by every server process: one row per (group, key, window),
 * named by a hash so that no address or email is stored in clear, raised by an atomic upsert.
 * Rows whose window has ended are deleted periodically (accounts/rate-limits.ts).
 */
const TABLE = 'segnalazioni_rate_limits';

module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable(TABLE)) return;
    await knex.schema.createTable(TABLE, (table) => {
      table.string('bucket', 64).primary();
      table.integer('hits').notNullable();
      table.bigInteger('resets_at').notNullable();
      table.index(['resets_at'], `${TABLE}_resets_at`);
    });
  },
  async down() {
    throw new Error('The rate limit table is not dropped automatically');
  },
};
