'use strict';
/**
 * A rejected report is never public. Before this rule, rejecting a published report left it in the
 * archive: take such reports out, with their rows in the archive's indexes. A fresh database has no
 * tables yet at this point and nothing to do.
 */
const REPORTS = 'segnalazioni_reports';
const INDEXES = ['segnalazioni_archive_by_category', 'segnalazioni_report_search'];
const VERSION = 'segnalazioni_archive_version';

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(REPORTS))) return;
    const rejected = knex(REPORTS).select('id').where({ status: 'rejected', is_public: true });
    for (const table of INDEXES) {
      if (await knex.schema.hasTable(table)) await knex(table).whereIn('report_id', rejected.clone()).delete();
    }
    const count = await knex(REPORTS).where({ status: 'rejected', is_public: true }).update({ is_public: false, published_on: null });
    if (count > 0 && (await knex.schema.hasTable(VERSION))) await knex(VERSION).increment('version', 1);
  },
  async down() {
    throw new Error('Rejected reports are not published again automatically');
  },
};
