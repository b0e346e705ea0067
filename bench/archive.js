#!/usr/bin/env node
'use strict';
/**
 * bench/archive: the public archive on PostgreSQL at 100k and 1M published reports with Italian
 * text, side by side in one run:
 *   (a) this project with every answer computed (ARCHIVE_CACHE_ENTRIES=0),
 *   (b) the same with its in-process cache (warmed by one pass of the same random queries),
 *   (c) plain Strapi doing the same job (Document Service findMany + count, populate, $containsi)
 *       in a throw-away route of the bench (bench/lib/plain-strapi-server.js),
 *   (d) Strapi's floor, GET /_health through the same server.
 * Reports are seeded in bulk SQL; the projection is built by `npm run archive:rebuild`, timed.
 * Ends with EXPLAIN ANALYZE of the heaviest statements.
 *
 *   node bench/archive.js [--sizes 100000,1000000] [--seconds 10] [--cases bbox,near]   (--cases: the cases whose names contain one of these)
 */
const path = require('path');
const { randomBytes } = require('crypto');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { compile, freshDatabase, rebuild, startServer } = require('./lib/server');

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SIZES = arg('sizes', '100000,1000000').split(',').map(Number);
const SECONDS = Number(arg('seconds', 10));
const ONLY = arg('cases', '').split(',').filter(Boolean);
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

const pick = (list, n) => list[n % list.length];

const HOUR = 3_600_000;
/** A number in [0, 1) from `n` and `salt`, the same on every run. */
const spread = (n, salt) => (((n + 1) * 2654435761 + salt * 40503) % 4294967296) / 4294967296;
// The municipality the points fall in (a town of about 45,000, 30 km²) and its centre.
const TERRITORY = { minLng: 7.98, minLat: 45.52, maxLng: 8.12, maxLat: 45.62 };
const CENTRE = { lat: 45.5665, lng: 8.0526 };
const GRID = 0.0005;
/**
 * A report's public point, or none: most near the centre and thinning out towards the edges (two
 * uniform draws summed per axis), on the 50 m grid public points are rounded to; one in six hidden.
 */
function publicPointOf(n) {
  if (spread(n, 7) < 1 / 6) return [null, null];
  const axis = (salt, centre, min, max) => {
    const value = centre + (spread(n, salt) + spread(n, salt + 1) - 1) * (max - min) * 0.5;
    return Math.round(Math.min(max, Math.max(min, value)) / GRID) * GRID;
  };
  return [axis(8, CENTRE.lat, TERRITORY.minLat, TERRITORY.maxLat), axis(10, CENTRE.lng, TERRITORY.minLng, TERRITORY.maxLng)];
}
/** A neighbourhood of about 500 m × 500 m somewhere in the territory, as a map shows it. */
const randomBox = () => {
  const lat = CENTRE.lat + (Math.random() - 0.5) * (TERRITORY.maxLat - TERRITORY.minLat) * 0.6;
  const lng = CENTRE.lng + (Math.random() - 0.5) * (TERRITORY.maxLng - TERRITORY.minLng) * 0.6;
  const [dLat, dLng] = [0.00225, 0.0032];
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat].map((value) => value.toFixed(5)).join(',');
};
/** The portal's archive map on a desktop at zoom 15: about 2.8 × 1.7 km. */
const randomView = () => {
  const lat = CENTRE.lat + (Math.random() - 0.5) * (TERRITORY.maxLat - TERRITORY.minLat) * 0.5;
  const lng = CENTRE.lng + (Math.random() - 0.5) * (TERRITORY.maxLng - TERRITORY.minLng) * 0.5;
  const [dLat, dLng] = [0.0077, 0.018];
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat].map((value) => value.toFixed(5)).join(',');
};
const randomNear = () => `${(CENTRE.lat + (Math.random() - 0.5) * 0.05).toFixed(5)},${(CENTRE.lng + (Math.random() - 0.5) * 0.07).toFixed(5)}`;

/**
 * A closed report's steps as a municipality's would fall: taken in charge within minutes to three
 * days, answered within hours to a week after, closed within hours to three months after; its
 * deadlines (2, 7 and 30 days) met most of the time. Spread so that the statistics' histograms
 * hold as many distinct durations as real ones.
 */
function stepsOf(n, submitted) {
  const taken = submitted + (0.1 + 72 * spread(n, 1) ** 2) * HOUR;
  const answered = taken + (1 + 168 * spread(n, 2) ** 2) * HOUR;
  const closed = answered + (2 + 2160 * spread(n, 3) ** 3) * HOUR;
  return [taken, answered, closed, submitted + 48 * HOUR, submitted + 168 * HOUR, submitted + 720 * HOUR].map((ms) => new Date(ms));
}

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
      const steps = stepsOf(n, submitted.getTime());
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
        ...steps,
        ...publicPointOf(n),
      );
      values.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, 'approved', 'web', 'closed', true, $${p + 8}, $${p + 7}, now(), now(), now(), ${steps.map((_, i) => `$${p + 9 + i}`).join(', ')}, $${p + 15}, $${p + 16})`,
      );
      ids.push(n);
    }
    const inserted = await client.query(
      `INSERT INTO segnalazioni_reports (document_id, reference, title, description, public_title, public_text, text_moderation, channel, status, is_public, published_on, submitted_at, created_at, updated_at, published_at
         , taken_in_charge_at, first_answered_at, closed_at, due_take_in_charge_at, due_first_answer_at, due_close_at, public_latitude, public_longitude)
       VALUES ${values.join(',')} RETURNING id, public_title, public_text`,
      params,
    );
    const categoryOf = (i) => categories.get(pick(PROBLEMS, (start + i) * 7 + 3)[0]);
    const links = inserted.rows.map((row, i) => `(${row.id}, ${categoryOf(i)})`).join(',');
    await client.query(`INSERT INTO segnalazioni_reports_category_lnk (report_id, category_id) VALUES ${links}`);
  }
  await client.query('ANALYZE');
}

const random = (list) => list[Math.floor(Math.random() * list.length)];
const page = (max) => 1 + Math.floor(Math.random() * max);
const CATEGORY_SLUGS = [...new Set(PROBLEMS.map(([slug]) => slug))];
/** `start_date` and `end_date` of a window of `days` within the seeded reports, as Open311 clients send them. */
const randomWindow = (days) => {
  const start = Date.UTC(2024, 0, 1) + Math.random() * Math.max(0, seededUntil - Date.UTC(2024, 0, 1) - days * 24 * HOUR);
  return `start_date=${new Date(start).toISOString().slice(0, 19)}Z&end_date=${new Date(start + days * 24 * HOUR).toISOString().slice(0, 19)}Z`;
};
/** A period a visitor of the institutional site might ask for: from a day of the seeded years, one to 24 months. */
let seededUntil = Date.UTC(2024, 0, 1);
const randomPeriod = () => {
  const start = Date.UTC(2024, 0, 1) + Math.random() * (seededUntil - Date.UTC(2024, 0, 1));
  const end = Math.min(seededUntil, start + (1 + Math.random() * 23) * 30.4 * 24 * HOUR);
  const day = (ms) => new Date(ms).toISOString().slice(0, 10);
  return `from=${day(start)}&to=${day(end)}`;
};

/**
 * Each case draws its queries at random, as many visitors would; `plain` is the same question to
 * the plain-Strapi route (null: no such route).
 * @type {{ name: string, ours: () => string, plain: (() => string) | null }[]}
 */
const CASES = [
  { name: 'first page', ours: () => '/api/segnalazioni/reports', plain: () => '/api/bench/plain/reports' },
  { name: 'pages 1–400', ours: () => `/api/segnalazioni/reports?page=${page(400)}`, plain: () => `/api/bench/plain/reports?page=${page(400)}` },
  {
    name: 'category × pages 1–400',
    ours: () => `/api/segnalazioni/reports?category=${random(CATEGORY_SLUGS)}&page=${page(400)}`,
    plain: () => `/api/bench/plain/reports?category=${random(CATEGORY_SLUGS)}&page=${page(400)}`,
  },
  {
    name: 'search',
    ours: () => `/api/segnalazioni/reports?q=${encodeURIComponent(random(SEARCHES))}&page=${page(3)}`,
    plain: () => `/api/bench/plain/reports?q=${encodeURIComponent(random(SEARCHES))}&page=${page(3)}`,
  },
  {
    name: 'search, newest',
    ours: () => `/api/segnalazioni/reports?q=${encodeURIComponent(random(SEARCHES))}&sort=newest`,
    plain: () => `/api/bench/plain/reports?q=${encodeURIComponent(random(SEARCHES))}`,
  },
  { name: 'categories', ours: () => '/api/segnalazioni/categories', plain: () => '/api/bench/plain/categories' },
  {
    // GeoReport v2 as another civic system reads it: a window of 30 days somewhere in the archive, a page of 50.
    name: 'open311 requests.json',
    ours: () => `/open311/v2/requests.json?${randomWindow(30)}&page=${page(3)}`,
    plain: null,
  },
  {
    // The archive as a map: a neighbourhood's newest reports, and a citizen's "nearby" before sending.
    name: 'bbox (500 m)',
    ours: () => `/api/segnalazioni/reports?bbox=${randomBox()}`,
    plain: () => `/api/bench/plain/reports?bbox=${randomBox()}`,
  },
  {
    // What the portal's map asks on each move: the view's newest 100, as GeoJSON.
    name: 'map view (GeoJSON, 100)',
    ours: () => `/api/segnalazioni/reports.geojson?bbox=${randomView()}&pageSize=100`,
    plain: () => `/api/bench/plain/reports?bbox=${randomView()}&pageSize=100`,
  },
  {
    // A category's Atom feed, as a feed reader polls it: its newest 50 as XML; plain Strapi lists the same 50 as JSON.
    name: 'atom feed (category, 50)',
    ours: () => `/api/segnalazioni/feeds/reports.atom?category=${random(CATEGORY_SLUGS)}`,
    plain: () => `/api/bench/plain/reports?category=${random(CATEGORY_SLUGS)}&pageSize=50`,
  },
  {
    name: 'near 100 m',
    ours: () => `/api/segnalazioni/reports?near=${randomNear()}&radius=100`,
    plain: null,
  },
  {
    name: 'statistics',
    ours: () => `/api/segnalazioni/statistics${random(['', `?category=${random(CATEGORY_SLUGS)}`, `?${randomPeriod()}`])}`,
    plain: () => '/api/bench/plain/statistics',
  },
];

function measure(url, path, seconds = SECONDS) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: 20, duration: seconds, timeout: 30, requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }] },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** Waits until no other statement runs on the bench's database. */
async function idle(client) {
  const running = async () =>
    Number(
      (await client.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`, [DATABASE])).rows[0]
        .n,
    );
  while ((await running()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
}

const figures = (result) =>
  `${result.requests.average.toFixed(0).padStart(6)} ${`${result.latency.p50}`.padStart(6)} ${`${result.latency.p99}`.padStart(6)}${result.non2xx || result.errors ? ` !${result.non2xx + result.errors}` : ''}`;

async function main() {
  compile();
  const database = await freshDatabase(DATABASE);
  const script = path.join(__dirname, 'lib/plain-strapi-server.js');
  const common = { database: DATABASE, smtpPort: 2599, script };
  const computed = await startServer({ ...common, port: PORT, env: { LOG_LEVEL: 'error', ARCHIVE_CACHE_ENTRIES: '0' } });
  const cached = await startServer({ ...common, port: PORT + 1, env: { LOG_LEVEL: 'error' } });
  const client = new Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE });
  await client.connect();
  try {
    const categories = new Map((await client.query('SELECT id, slug FROM segnalazioni_categories')).rows.map((row) => [row.slug, row.id]));
    const results = {};
    let seeded = 0;
    console.log(`\nbench/archive — PostgreSQL, autocannon 20 connections × ${SECONDS} s per case and column, random queries within each case`);
    for (const size of SIZES) {
      const started = Date.now();
      await seed(client, seeded, size, categories);
      seeded = size;
      seededUntil = Date.UTC(2024, 0, 1) + size * 600_000;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const rebuilt = rebuild(DATABASE);
      await client.query('VACUUM ANALYZE');
      console.log(`\n${size} published reports (seeded in ${seconds} s; npm run archive:rebuild, projection and statistics, ${rebuilt.toFixed(1)} s)`);
      await measure(computed.url, CASES[0].ours, 3); // warms the server and the database's caches
      const floor = await measure(computed.url, () => '/_health');
      console.log(`(d) floor, GET /_health: ${figures(floor)}   (req/s, p50 ms, p99 ms)`);
      console.log('case                    | (a) computed         | (b) cached           | (c) plain Strapi      | p99 c÷a  req/s a÷c');
      console.log('                        |  req/s    p50    p99 |  req/s    p50    p99 |  req/s    p50    p99  |');
      for (const { name, ours, plain } of CASES.filter(({ name }) => ONLY.length === 0 || ONLY.some((part) => name.includes(part)))) {
        const a = await measure(computed.url, ours);
        await measure(cached.url, ours, 3);
        const b = await measure(cached.url, ours);
        const c = plain ? await measure(computed.url, plain) : null;
        // Plain Strapi's slowest statements outlive autocannon's run: the next case starts on an idle database.
        await idle(client);
        (results[name] ??= {})[size] = { a, b, c };
        const ratio = c
          ? `${(c.latency.p99 / Math.max(1, a.latency.p99)).toFixed(0).padStart(7)} ${(a.requests.average / Math.max(0.1, c.requests.average)).toFixed(0).padStart(9)}`
          : '';
        console.log(`${name.padEnd(23)} | ${figures(a)} | ${figures(b)} | ${c ? figures(c) : '     –'}  | ${ratio}`);
      }
      const first = results['first page']?.[size].b;
      if (first) console.log(`cached first page ÷ floor throughput: ${((100 * first.requests.average) / floor.requests.average).toFixed(0)} %`);
    }
    if (SIZES.length > 1) {
      const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
      console.log(`\n(a) p99 at ${large} ÷ p99 at ${small}`);
      for (const [name, bySize] of Object.entries(results))
        console.log(`${name.padEnd(23)} ${(bySize[large].a.latency.p99 / Math.max(1, bySize[small].a.latency.p99)).toFixed(2)}`);
    }
    // The heaviest statements the archive and the statistics run, as their query builders write them
    // (archive/archive-rows.ts, statistics/statistics.ts), at the largest size.
    const explain = async (title, sql) => {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      console.log(`\n${title}:\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
    };
    const served = (keys) =>
      `SELECT v.view, a.published_ms, a.report_id, c.name AS category_name, c.slug AS category_slug FROM (${keys}) p
       JOIN segnalazioni_archive_reports a ON a.report_id = p.report_id JOIN segnalazioni_archive_views v ON v.report_id = a.report_id
       LEFT JOIN segnalazioni_categories c ON c.id = a.category_id`;
    const ranked = (words) =>
      `${served(`SELECT m.report_id, m.rank FROM (SELECT a.report_id, ts_rank(a.document, to_tsquery('italian', '${words}')) AS rank
         FROM segnalazioni_archive_reports a WHERE a.document @@ to_tsquery('italian', '${words}')
         ORDER BY a.published_ms DESC, a.report_id DESC LIMIT 1000) m ORDER BY m.rank DESC, m.report_id DESC LIMIT 25 OFFSET 25`)}
       ORDER BY p.rank DESC, p.report_id DESC`;
    await explain('search "sosta vietata" (two words always together) by relevance, page 2', ranked('sosta & vietata'));
    await explain('search "marciapiede" (a word of a quarter of the reports) by relevance, page 2', ranked('marciapiede'));
    await explain(
      'search "cestino", bounded count',
      `SELECT count(*) FROM (SELECT 1 FROM segnalazioni_archive_reports a WHERE a.document @@ to_tsquery('italian', 'cestino') LIMIT 1001) m`,
    );
    await explain(
      'a 500 m box near the centre, newest first (GiST on the public points)',
      `${served(`SELECT a.report_id, a.published_ms FROM segnalazioni_archive_reports a
         WHERE a.latitude IS NOT NULL AND a.longitude IS NOT NULL AND point(a.longitude, a.latitude) <@ box(point(8.0494, 45.5642), point(8.0558, 45.5687))
         ORDER BY a.published_ms DESC, a.report_id DESC LIMIT 25`)} ORDER BY p.published_ms DESC, p.report_id DESC`,
    );
    await explain(
      'category rifiuti, page 400',
      `${served(`SELECT a.report_id, a.published_ms FROM segnalazioni_archive_reports a
         WHERE a.category_id = (SELECT id FROM segnalazioni_categories WHERE slug = 'rifiuti' LIMIT 1)
         ORDER BY a.published_ms DESC, a.report_id DESC LIMIT 25 OFFSET 9975`)} ORDER BY p.published_ms DESC, p.report_id DESC`,
    );
    // The statistics' two statements (statistics/statistics.ts) for every day, public: whole months from the rollups.
    const COUNTERS = ['reports', ...['take', 'answer', 'close'].flatMap((step) => ['reached', 'measured', 'in_time'].map((what) => `${step}_${what}`))];
    await explain(
      "public statistics, every day: the whole months' rollup cells by month × category × office × status",
      `SELECT m.month, m.category_id, m.office_id, m.status, ${COUNTERS.map((column) => `CAST(sum(m.${column}) AS integer) AS ${column}`).join(', ')}
       FROM segnalazioni_statistics_month_cells m WHERE m.audience = 'public'
       GROUP BY m.month, m.category_id, m.office_id, m.status`,
    );
    const grouped = (grouping, key, where = '') =>
      `SELECT '${grouping}' AS grp, ${key ?? "''"} AS grp_key, step, tenths, CAST(sum(reports) AS integer) AS n FROM picked ${where}
       GROUP BY ${key ? `${key}, ` : ''}step, tenths`;
    const medians = (picked) => `WITH ${picked},
       grouped AS (${grouped('all', null)} UNION ALL ${grouped('category', 'CAST(category_id AS varchar(12))', 'WHERE category_id <> 0')}
         UNION ALL ${grouped('office', 'CAST(office_id AS varchar(12))', 'WHERE office_id <> 0')} UNION ALL ${grouped('month', 'month')}),
       ranked AS (SELECT grp, grp_key, step, tenths, n, sum(n) OVER (PARTITION BY grp, grp_key, step ORDER BY tenths) AS upto,
         sum(n) OVER (PARTITION BY grp, grp_key, step) AS total FROM grouped WHERE n > 0)
       SELECT grp, grp_key, step, tenths, upto - n AS below, upto, total FROM ranked WHERE upto >= (total + 1) / 2 AND upto - n < total / 2 + 1`;
    await explain(
      "public statistics, every day: the medians' histogram rows, from the whole months' rollup",
      medians(`picked AS (SELECT m.month, m.category_id, m.office_id, m.step, m.tenths, m.reports
         FROM segnalazioni_statistics_month_durations m WHERE m.audience = 'public')`),
    );
    await explain(
      'public statistics, 2025-03-14 to 2026-02-10: the medians, part-months from the kept day cells',
      `${medians(`kept AS (SELECT c.day, c.category_id FROM segnalazioni_statistics_cells c
           WHERE ((c.day >= '2025-03-14' AND c.day <= '2025-03-31') OR (c.day >= '2026-02-01' AND c.day <= '2026-02-10'))
           GROUP BY c.day, c.category_id HAVING sum(c.reports) >= 5),
         picked AS (SELECT substr(d.day, 1, 7) AS month, d.category_id, d.office_id, d.step, d.tenths, d.reports
           FROM segnalazioni_statistics_durations d JOIN kept k ON k.day = d.day AND k.category_id = d.category_id
           WHERE ((d.day >= '2025-03-14' AND d.day <= '2025-03-31') OR (d.day >= '2026-02-01' AND d.day <= '2026-02-10'))
           UNION ALL SELECT m.month, m.category_id, m.office_id, m.step, m.tenths, m.reports FROM segnalazioni_statistics_month_durations m
           WHERE m.audience = 'public' AND m.month >= '2025-04' AND m.month <= '2026-01')`)}`,
    );
    const sizes = await client.query(`SELECT (SELECT count(*) FROM segnalazioni_statistics_cells) AS day_cells,
       (SELECT count(*) FROM segnalazioni_statistics_durations) AS day_durations,
       (SELECT count(*) FROM segnalazioni_statistics_month_cells) AS month_cells,
       (SELECT count(*) FROM segnalazioni_statistics_month_durations) AS month_durations`);
    console.log(`\nstatistics' aggregates at ${SIZES[SIZES.length - 1]}: ${JSON.stringify(sizes.rows[0])}`);
  } finally {
    await client.end();
    await computed.stop();
    await cached.stop();
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
