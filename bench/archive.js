#!/usr/bin/env node
'use strict';
/**
 * bench/archive: the public archive on PostgreSQL at 10k and 100k published reports with Italian
 * text — the list, a category filter and a search — with autocannon (20 connections), and the
 * EXPLAIN showing the search uses its GIN index.
 *
 *   node bench/archive.js [--sizes 10000,100000] [--seconds 10]
 */
const crypto = require('crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { compile, freshDatabase, startServer } = require('./lib/server');

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SIZES = arg('sizes', '10000,100000').split(',').map(Number);
const SECONDS = Number(arg('seconds', 10));
const DATABASE = 'sportello_bench_archive';
const PORT = 1397;

const PROBLEMS = [
  ['Buca profonda', 'si è aperta una buca profonda che mette in pericolo biciclette e motorini'],
  ['Cassonetto pieno', 'il cassonetto della raccolta differenziata è pieno da giorni e i sacchi restano a terra'],
  ['Lampione spento', 'il lampione è spento da una settimana e la sera la strada è completamente buia'],
  ['Cartello divelto', 'il cartello stradale è stato divelto e giace sul marciapiede'],
  ['Manifesti abusivi', 'sono stati affissi manifesti pubblicitari fuori dagli spazi consentiti'],
  ['Panchina rotta', 'la panchina del giardino pubblico ha le assi spezzate'],
  ['Auto in sosta vietata', 'le auto parcheggiano sul passo carrabile e sulle strisce pedonali'],
  ['Rami pericolanti', 'alcuni rami dell’albero sono spezzati e rischiano di cadere sul marciapiede'],
];
const STREETS = ['via Italia', 'via Roma', 'corso Europa', 'piazza Martiri', 'via Dante', 'via Garibaldi', 'viale Matteotti', 'via Torino', 'via Lamarmora', 'piazza Duomo'];
const DETAILS = ['Grazie per l’attenzione.', 'La situazione peggiora quando piove.', 'Ci sono bambini che passano di lì per andare a scuola.', 'Segnalo anche a nome dei vicini.', 'Il problema si ripete da mesi.'];

const fold = (text) => text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
const pick = (list, n) => list[n % list.length];

async function seed(client, from, to, categories) {
  const batch = 1000;
  for (let start = from; start < to; start += batch) {
    const ids = [];
    const values = [];
    const params = [];
    for (let n = start; n < Math.min(to, start + batch); n++) {
      const [problem, sentence] = pick(PROBLEMS, n * 7 + 3);
      const street = pick(STREETS, n * 13 + 1);
      const title = `${problem} in ${street}`;
      const text = `In ${street}, al civico ${(n % 150) + 1}, ${sentence}. ${pick(DETAILS, n)}`;
      const submitted = new Date(Date.UTC(2024, 0, 1) + n * 600_000);
      const p = params.length;
      params.push(crypto.randomBytes(12).toString('hex'), `B${String(n).padStart(8, '0')}`, title, text, title, text, submitted, new Date(submitted.getTime() + 86_400_000));
      values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, 'approved', 'web', 'closed', true, $${p + 8}, $${p + 7}, now(), now(), now())`);
      ids.push(n);
    }
    const inserted = await client.query(
      `INSERT INTO segnalazioni_reports (document_id, reference, title, description, public_title, public_text, text_moderation, channel, status, is_public, published_on, submitted_at, created_at, updated_at, published_at)
       VALUES ${values.join(',')} RETURNING id, public_title, public_text`,
      params,
    );
    const links = inserted.rows.map((row, i) => `(${row.id}, ${categories[(start + i) % categories.length]})`).join(',');
    await client.query(`INSERT INTO segnalazioni_reports_category_lnk (report_id, category_id) VALUES ${links}`);
    const searchParams = inserted.rows.flatMap((row) => [row.id, fold(`${row.public_title} \n${row.public_text}`)]);
    const searchValues = inserted.rows.map((_, i) => `($${i * 2 + 1}, to_tsvector('italian', $${i * 2 + 2}))`).join(',');
    await client.query(`INSERT INTO segnalazioni_report_search (report_id, document) VALUES ${searchValues}`, searchParams);
  }
  await client.query('ANALYZE');
}

function measure(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 20, duration: SECONDS }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function main() {
  compile();
  const database = await freshDatabase(DATABASE);
  const server = await startServer({ database: DATABASE, smtpPort: 2599, port: PORT, env: { LOG_LEVEL: 'error' } });
  const client = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE });
  await client.connect();
  try {
    const categories = (await client.query('SELECT id FROM segnalazioni_categories ORDER BY id')).rows.map((row) => row.id);
    const cases = [
      ['list', '/api/segnalazioni/reports'],
      ['category', '/api/segnalazioni/reports?category=rifiuti'],
      ['search', '/api/segnalazioni/reports?q=cassonett%20pieno'],
      ['search relevance', '/api/segnalazioni/reports?q=lampione&sort=relevance'],
    ];
    let seeded = 0;
    console.log(`\nbench/archive — PostgreSQL, autocannon 20 connections × ${SECONDS} s per case`);
    for (const size of SIZES) {
      const started = Date.now();
      await seed(client, seeded, size, categories);
      seeded = size;
      console.log(`\n${size} published reports (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      console.log('case               req/s      p50       p99   non-2xx');
      for (const [name, path] of cases) {
        await measure(`${server.url}${path}`); // warm-up
        const result = await measure(`${server.url}${path}`);
        console.log(`${name.padEnd(16)} ${result.requests.average.toFixed(0).padStart(7)} ${`${result.latency.p50} ms`.padStart(9)} ${`${result.latency.p99} ms`.padStart(9)} ${String(result.non2xx).padStart(9)}`);
      }
    }
    const plan = await client.query(
      `EXPLAIN SELECT report_id, ts_rank(document, query) FROM segnalazioni_report_search, to_tsquery('italian', 'cassonett:* & pieno:*') query WHERE document @@ query`,
    );
    console.log(`\nEXPLAIN of the search:\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await client.end();
    await server.stop();
    await database.drop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { seed, DATABASE };
