#!/usr/bin/env node
'use strict';
/**
 * Rebuilds the public archive's projection (one row per published report, its search text and the
 * counts per category and status) and the statistics' aggregates from the reports, each in one
 * transaction: the archive answers from the old rows until the new ones commit. For after a restore, a manual fix in the database, or a
 * change of how photos are served. Reads the same configuration as the server (.env).
 *
 *   npm run archive:rebuild
 */
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  const started = Date.now();
  const strapi = await createStrapi(await compileStrapi()).load();
  try {
    let shown = 0;
    const done = await strapi
      .plugin('segnalazioni')
      .service('archive-projection')
      .rebuild({
        onProgress: (count) => {
          if (count - shown >= 50_000) {
            shown = count;
            console.log(`… ${count} segnalazioni`);
          }
        },
      });
    console.log(`Archivio ricostruito: ${done} segnalazioni pubblicate in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const counted = await strapi.plugin('segnalazioni').service('statistics-cells').rebuild();
    console.log(`Statistiche ricostruite: ${counted} segnalazioni in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
