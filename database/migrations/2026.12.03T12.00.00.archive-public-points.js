'use strict';
/**
 * The public point of each published report in the archive's projection, for the archive's `bbox`
 * and `near` filters (and Open311's `bbox`): two nullable columns beside the keys, filled from the
 * reports' public latitude and longitude (the place the officer approved: exact, rounded or none).
 * PostgreSQL indexes the points with GiST, so a box is an index scan at any archive size; SQLite a
 * (latitude, longitude) B-tree, which seeks the box's band of latitudes.
 */
const TABLE = 'segnalazioni_archive_reports';
const REPORTS = 'segnalazioni_reports';

module.exports = {
  async up(knex) {
    const postgres = /^(pg|postgres)/.test(String(knex.client.config.client));
    if (!(await knex.schema.hasColumn(TABLE, 'latitude'))) {
      await knex.schema.alterTable(TABLE, (table) => {
        table.double('latitude').nullable();
        table.double('longitude').nullable();
      });
      // A fresh database has no reports table yet at this point, and no rows to fill.
      if (await knex.schema.hasTable(REPORTS))
        await knex.raw(
          `UPDATE ${TABLE} SET latitude = (SELECT r.public_latitude FROM ${REPORTS} r WHERE r.id = ${TABLE}.report_id),
           longitude = (SELECT r.public_longitude FROM ${REPORTS} r WHERE r.id = ${TABLE}.report_id)`,
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
