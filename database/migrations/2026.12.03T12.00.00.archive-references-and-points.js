'use strict';
/**
 * Two things the archive's projection keeps beside each published report's keys:
 * - the citizen's reference, the id Open311 and the open data name reports by (read with the page,
 *   instead of by a second query of the reports);
 * - the public point (the place the officer approved: exact, rounded or none), for the archive's
 *   `bbox` and `near` filters and Open311's `bbox`. PostgreSQL indexes the points with GiST, so a
 *   box is an index scan at any archive size; SQLite with a (latitude, longitude) B-tree, which seeks
 *   the box's band of latitudes.
 * Both are filled from the reports table for the rows already there.
 */
const TABLE = 'segnalazioni_archive_reports';
const REPORTS = 'segnalazioni_reports';

module.exports = {
  async up(knex) {
    const postgres = /^(pg|postgres)/.test(String(knex.client.config.client));
    // Each column on its own: a database may hold some of them already.
    for (const [column, add] of [
      ['reference', (table) => table.string('reference', 16).nullable()],
      ['latitude', (table) => table.double('latitude').nullable()],
      ['longitude', (table) => table.double('longitude').nullable()],
    ]) {
      if (!(await knex.schema.hasColumn(TABLE, column))) await knex.schema.alterTable(TABLE, add);
    }
    // Rows written before these columns existed; a fresh database has no reports table yet at this point.
    if (await knex.schema.hasTable(REPORTS)) {
      await knex.raw(
        `UPDATE ${TABLE} SET reference = (SELECT r.reference FROM ${REPORTS} r WHERE r.id = ${TABLE}.report_id),
           latitude = (SELECT r.public_latitude FROM ${REPORTS} r WHERE r.id = ${TABLE}.report_id),
           longitude = (SELECT r.public_longitude FROM ${REPORTS} r WHERE r.id = ${TABLE}.report_id)
         WHERE reference IS NULL`,
      );
    }
    if (postgres) {
      await knex.raw(
        `CREATE INDEX IF NOT EXISTS ${TABLE}_point ON ${TABLE} USING gist (point(longitude, latitude)) WHERE latitude IS NOT NULL AND longitude IS NOT NULL`,
      );
    } else {
      await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_point ON ${TABLE} (latitude, longitude) WHERE latitude IS NOT NULL AND longitude IS NOT NULL`);
    }
  },
  async down() {
    throw new Error('The archive projection is not changed back automatically');
  },
};
