#!/usr/bin/env node
'use strict';
/**
 * bench/archive: the public archive on PostgreSQL at 10k and 100k published reports with Italian
 * text — the list, a category filter and a search — with autocannon (20 connections), and the
 * EXPLAIN showing the search uses its GIN index.
 *
 *   node bench/archive.js [--sizes 10000,100000] [--seconds 10]
 */
const { randomBytes } = require('crypto');
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

// Each problem in the category an officer would give it; words vary so searches select a few percent.
const PROBLEMS = [
  ['dissesto-stradale', 'Buca profonda', 'si è aperta una buca profonda che mette in pericolo biciclette e motorini'],
  ['dissesto-stradale', 'Marciapiede dissestato', 'le mattonelle del marciapiede sono sollevate dalle radici e si inciampa'],
  ['dissesto-stradale', 'Tombino sprofondato', 'il tombino è sprofondato di qualche centimetro e le auto sobbalzano'],
  ['rifiuti', 'Cassonetto pieno', 'il cassonetto della raccolta differenziata è pieno da giorni e i sacchi restano a terra'],
  ['rifiuti', 'Rifiuti abbandonati', 'qualcuno ha abbandonato un materasso e dei sacchi neri accanto alle campane del vetro'],
  ['rifiuti', 'Cestino rotto', 'il cestino dei rifiuti è rotto e la carta vola sul marciapiede'],
  ['vandalismo-incuria', 'Lampione spento', 'il lampione è spento da una settimana e la sera la strada è completamente buia'],
  ['vandalismo-incuria', 'Scritte sui muri', 'la facciata della scuola è stata imbrattata con scritte spray'],
  ['segnaletica', 'Cartello divelto', 'il cartello stradale è stato divelto e giace sul marciapiede'],
  ['segnaletica', 'Strisce sbiadite', 'le strisce pedonali davanti alla farmacia sono sbiadite e non si vedono più'],
  ['affissioni-abusive', 'Manifesti abusivi', 'sono stati affissi manifesti pubblicitari fuori dagli spazi consentiti'],
  ['zone-verdi', 'Panchina rotta', 'la panchina del giardino pubblico ha le assi spezzate'],
  ['zone-verdi', 'Rami pericolanti', 'alcuni rami dell’albero sono spezzati e rischiano di cadere sul marciapiede'],
  ['zone-verdi', 'Erba alta', 'l’erba dell’aiuola è alta più di un metro e nasconde i rifiuti'],
  ['parcheggi', 'Auto in sosta vietata', 'le auto parcheggiano sul passo carrabile e sulle strisce pedonali'],
  ['parcheggi', 'Parcheggio disabili occupato', 'il posto riservato ai disabili è occupato ogni mattina da auto senza contrassegno'],
  ['mi-piace', 'Aiuola curata', 'grazie ai giardinieri: l’aiuola della rotonda è fiorita e curatissima'],
];
const STREETS = [
  'via Italia',
  'via Roma',
  'corso Europa',
  'piazza Martiri',
  'via Dante',
  'via Garibaldi',
  'viale Matteotti',
  'via Torino',
  'via Lamarmora',
  'piazza Duomo',
  'via Mazzini',
  'via Cavour',
  'corso del Piazzo',
  'via Vercelli',
  'via Milano',
  'viale Macallè',
  'via Trossi',
  'piazza Vittorio Veneto',
  'via delle Rose',
  'via Pietro Micca',
];
const DETAILS = [
  'Grazie per l’attenzione.',
  'La situazione peggiora quando piove.',
  'Ci sono bambini che passano di lì per andare a scuola.',
  'Segnalo anche a nome dei vicini.',
  'Il problema si ripete da mesi.',
  'Di notte è particolarmente pericoloso.',
  'Gli anziani del quartiere fanno fatica a passare.',
  'Allego la posizione esatta.',
  'È vicino alla fermata dell’autobus.',
];
// What people type into the archive's search box: a word, a word and a street, a word begun.
const SEARCHES = [
  'buca',
  'cassonetto',
  'lampione',
  'manifesti',
  'panchina',
  'marciapiede',
  'tombino',
  'rifiuti abbandonati',
  'scritte',
  'strisce pedonali',
  'erba',
  'rami',
  'disabili',
  'cestino',
  'buca via roma',
  'lampione garibaldi',
  'cassonett',
  'materass',
  'sosta vietata',
  'vetro',
  'aiuola',
  'cartello',
  'scuola',
  'farmacia',
  'buio',
  'radici',
];

const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
const pick = (list, n) => list[n % list.length];

async function seed(client, from, to, categories) {
  const batch = 1000;
  for (let start = from; start < to; start += batch) {
    const ids = [];
    const values = [];
    const params = [];
    for (let n = start; n < Math.min(to, start + batch); n++) {
      const [, problem, sentence] = pick(PROBLEMS, n * 7 + 3);
      const street = pick(STREETS, n * 13 + 1);
      const title = `${problem} in ${street}`;
      const text = `In ${street}, al civico ${(n % 150) + 1}, ${sentence}. ${pick(DETAILS, n)}`;
      const submitted = new Date(Date.UTC(2024, 0, 1) + n * 600_000);
      const p = params.length;
      params.push(
        randomBytes(12).toString('hex'),
        `B${String(n).padStart(8, '0')}`,
        title,
        text,
        title,
        text,
        submitted,
        new Date(submitted.getTime() + 86_400_000),
      );
      values.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, 'approved', 'web', 'closed', true, $${p + 8}, $${p + 7}, now(), now(), now())`,
      );
      ids.push(n);
    }
    const inserted = await client.query(
      `INSERT INTO segnalazioni_reports (document_id, reference, title, description, public_title, public_text, text_moderation, channel, status, is_public, published_on, submitted_at, created_at, updated_at, published_at)
       VALUES ${values.join(',')} RETURNING id, public_title, public_text`,
      params,
    );
    const categoryOf = (i) => categories.get(pick(PROBLEMS, (start + i) * 7 + 3)[0]);
    const links = inserted.rows.map((row, i) => `(${row.id}, ${categoryOf(i)})`).join(',');
    await client.query(`INSERT INTO segnalazioni_reports_category_lnk (report_id, category_id) VALUES ${links}`);
    await client.query(
      `INSERT INTO segnalazioni_archive_by_category (report_id, category_id, published_on) SELECT id, c, published_on FROM segnalazioni_reports
         JOIN (VALUES ${links}) AS v(rid, c) ON v.rid = segnalazioni_reports.id`,
    );
    const searchParams = inserted.rows.flatMap((row) => [row.id, fold(`${row.public_title} \n${row.public_text}`)]);
    const searchValues = inserted.rows.map((_, i) => `($${i * 2 + 1}, to_tsvector('italian', $${i * 2 + 2}))`).join(',');
    await client.query(`INSERT INTO segnalazioni_report_search (report_id, document) VALUES ${searchValues}`, searchParams);
  }
  await client.query('ANALYZE');
}

const random = (list) => list[Math.floor(Math.random() * list.length)];
const page = (max) => 1 + Math.floor(Math.random() * max);

/**
 * Each case draws its queries at random, as many visitors would: answers are kept per archive
 * version, so the version is raised before each case and the figures include computing them.
 * @type {[name: string, path: () => string][]}
 */
const CASES = [
  ['list, first page', () => '/api/segnalazioni/reports'],
  ['category, one page', () => '/api/segnalazioni/reports?category=rifiuti'],
  ['search, one query', () => '/api/segnalazioni/reports?q=cassonett%20pieno'],
  ['list, pages 1–400', () => `/api/segnalazioni/reports?page=${page(400)}`],
  ['category, pages 1–50', () => `/api/segnalazioni/reports?category=${random(PROBLEMS)[0]}&page=${page(50)}`],
  ['search', () => `/api/segnalazioni/reports?q=${encodeURIComponent(random(SEARCHES))}&page=${page(3)}`],
  ['search, newest', () => `/api/segnalazioni/reports?q=${encodeURIComponent(random(SEARCHES))}&sort=newest`],
  ['categories', () => '/api/segnalazioni/categories'],
];

function measure(url, path) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 20, duration: SECONDS, requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }] }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function main() {
  compile();
  const database = await freshDatabase(DATABASE);
  const server = await startServer({ database: DATABASE, smtpPort: 2599, port: PORT, env: { LOG_LEVEL: 'error' } });
  const client = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE });
  await client.connect();
  try {
    const categories = new Map((await client.query('SELECT id, slug FROM segnalazioni_categories')).rows.map((row) => [row.slug, row.id]));
    const results = {};
    let seeded = 0;
    console.log(`\nbench/archive — PostgreSQL, autocannon 20 connections × ${SECONDS} s per case, random queries within each case`);
    for (const size of SIZES) {
      const started = Date.now();
      await seed(client, seeded, size, categories);
      seeded = size;
      console.log(`\n${size} published reports (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      console.log('case                     req/s      p50       p99   non-2xx');
      await measure(server.url, CASES[0][1]); // warms the server and the database's caches
      for (const [name, path] of CASES) {
        await client.query('UPDATE segnalazioni_archive_version SET version = version + 1');
        const result = await measure(server.url, path);
        (results[name] ??= {})[size] = result.latency.p99;
        console.log(
          `${name.padEnd(22)} ${result.requests.average.toFixed(0).padStart(7)} ${`${result.latency.p50} ms`.padStart(9)} ${`${result.latency.p99} ms`.padStart(9)} ${String(result.non2xx).padStart(9)}`,
        );
      }
    }
    if (SIZES.length > 1) {
      const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
      console.log(`\np99 at ${large} ÷ p99 at ${small}`);
      for (const [name, bySize] of Object.entries(results)) console.log(`${name.padEnd(22)} ${(bySize[large] / Math.max(1, bySize[small])).toFixed(2)}`);
    }
    // The statements the archive runs (as its query builder writes them), for a selective search, a
    // common word, and a deep page of a category.
    const explain = async (title, sql) => {
      const plan = await client.query(`EXPLAIN ANALYZE ${sql}`);
      console.log(`\n${title}:\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
    };
    const ranked = (words) => `SELECT r.id FROM segnalazioni_reports AS r JOIN segnalazioni_report_search AS s ON s.report_id = r.id
        WHERE r.is_public = true AND r.text_moderation = 'approved' AND s.document @@ to_tsquery('italian', '${words}')
        ORDER BY ts_rank(s.document, to_tsquery('italian', '${words}')) DESC, r.id DESC LIMIT 25`;
    await explain('EXPLAIN ANALYZE, search "lampione garibaldi" by relevance', ranked('lampion:* & garibald:*'));
    await explain('EXPLAIN ANALYZE, search "cassonett" by relevance', ranked('cassonett:*'));
    await explain(
      'EXPLAIN ANALYZE, category rifiuti, page 40',
      `SELECT r.id FROM segnalazioni_reports AS r JOIN segnalazioni_archive_by_category AS a ON a.report_id = r.id
        WHERE r.is_public = true AND r.text_moderation = 'approved'
          AND a.category_id = (SELECT id FROM segnalazioni_categories WHERE slug = 'rifiuti' LIMIT 1)
        ORDER BY a.published_on DESC, a.report_id DESC LIMIT 25 OFFSET 975`,
    );
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
