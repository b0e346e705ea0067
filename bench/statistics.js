#!/usr/bin/env node
'use strict';
/**
 * bench/statistics: the public and staff statistics on PostgreSQL at 30k and 100k reports of three
 * years (every status, late and timely steps, eight categories of very different sizes), with
 * autocannon (20 connections); the figures after every change (nothing kept); and, side by side,
 * plain Strapi doing the same job as the code before issue 11: `strapi.db.query().findMany` with a
 * populate of category and office, then the same aggregation in plain JavaScript. The aggregates
 * are built from the seeded rows by `npm run archive:rebuild`, timed.
 *
 *   node bench/statistics.js [--sizes 30000,100000] [--seconds 10]
 */
const { randomBytes } = require('crypto');
const path = require('path');
const { spawn } = require('child_process');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { BENCH_SECRETS, compile, freshDatabase, rebuild, startServer, percentile, root } = require('./lib/server');

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SIZES = arg('sizes', '30000,100000').split(',').map(Number);
const SECONDS = Number(arg('seconds', 10));
const DATABASE = 'sportello_bench_statistics';
const PORT = 1398;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Shares of the reports by category, as a town's years of reports go; each category's office.
/** @type {[slug: string, weight: number, office: string][]} */
const CATEGORIES = [
  ['dissesto-stradale', 0.3, 'Ufficio Strade'],
  ['rifiuti', 0.25, 'Ufficio Ambiente'],
  ['zone-verdi', 0.1, 'Ufficio Ambiente'],
  ['vandalismo-incuria', 0.1, 'URP'],
  ['segnaletica', 0.1, 'Ufficio Strade'],
  ['parcheggi', 0.08, 'Ufficio Strade'],
  ['affissioni-abusive', 0.05, 'URP'],
  ['mi-piace', 0.02, 'URP'],
];
const START = Date.UTC(2023, 0, 1);
const SPAN = 3 * 365 * DAY;

/** A deterministic generator, so both sizes and both sides read the same reports. */
function generator(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th report: sent in office-ish hours, taken in charge within hours, answered within days, closed within weeks. */
function report(n, random, now) {
  let share = random();
  const [slug, , office] = CATEGORIES.find(([, weight]) => (share -= weight) <= 0) ?? CATEGORIES[0];
  const day = Math.floor(random() * (SPAN / DAY));
  const submitted = START + day * DAY + Math.floor((6 + random() * 14) * HOUR);
  const age = now - submitted;
  const after = (from, meanHours) => from + Math.floor(-Math.log(1 - random()) * meanHours * HOUR);
  const rejected = random() < 0.08;
  const taken = rejected ? null : age > 3 * DAY || random() < 0.6 ? after(submitted, 20) : null;
  const answered = taken && (age > 20 * DAY || random() < 0.5) ? after(taken, 70) : null;
  const closed = rejected ? after(submitted, 30) : answered && (age > 90 * DAY || random() < 0.4) ? after(answered, 300) : null;
  const status = rejected ? 'rejected' : closed ? 'closed' : answered ? 'in_progress' : taken ? 'in_charge' : 'submitted';
  return {
    n,
    slug,
    office,
    status,
    submitted: new Date(submitted),
    taken: taken && new Date(taken),
    answered: answered && new Date(answered),
    closed: closed && new Date(closed),
    dueTake: new Date(submitted + 32 * HOUR),
    dueAnswer: taken && new Date(taken + 7 * DAY),
    dueClose: taken && new Date(taken + 42 * DAY),
  };
}

async function seed(client, from, to, categories, offices) {
  const random = generator(from + 1);
  const now = START + SPAN;
  const batch = 1000;
  for (let start = from; start < to; start += batch) {
    const rows = [];
    for (let n = start; n < Math.min(to, start + batch); n++) rows.push(report(n, random, now));
    const params = [];
    const values = rows.map((row) => {
      const p = params.length;
      params.push(
        randomBytes(12).toString('hex'),
        `S${String(row.n).padStart(8, '0')}`,
        row.status,
        row.submitted,
        row.taken,
        row.answered,
        row.closed,
        row.dueTake,
        row.dueAnswer,
        row.dueClose,
      );
      const $ = (i) => `$${p + i}`;
      return `(${$(1)}, ${$(2)}, 'Segnalazione', 'Descrizione.', 'pending', 'web', ${$(3)}, false, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}, ${$(8)}, ${$(9)}, ${$(10)}, now(), now())`;
    });
    const inserted = await client.query(
      `INSERT INTO segnalazioni_reports (document_id, reference, title, description, text_moderation, channel, status, is_public, submitted_at,
         taken_in_charge_at, first_answered_at, closed_at, due_take_in_charge_at, due_first_answer_at, due_close_at, created_at, updated_at)
       VALUES ${values.join(',')} RETURNING id`,
      params,
    );
    const ids = inserted.rows.map((row) => row.id);
    await client.query(
      `INSERT INTO segnalazioni_reports_category_lnk (report_id, category_id) VALUES ${rows.map((row, i) => `(${ids[i]}, ${categories.get(row.slug)})`).join(',')}`,
    );
    await client.query(
      `INSERT INTO segnalazioni_reports_office_lnk (report_id, office_id) VALUES ${rows.map((row, i) => `(${ids[i]}, ${offices.get(row.office)})`).join(',')}`,
    );
  }
  await client.query('ANALYZE');
}

function measure(url, path, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: 20, duration: SECONDS, headers, requests: [{ setupRequest: (request) => ({ ...request, path: path() }) }] },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** The time of one request after each change: nothing kept, every figure computed again. */
async function afterChanges(client, url, path, headers = {}, times = 5) {
  const took = [];
  for (let i = 0; i < times; i++) {
    await client.query('UPDATE segnalazioni_archive_version SET version = version + 1');
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    took.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return took;
}

/** Plain Strapi in a process of its own on the same database: the former code path, timed. */
function plain(times) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, '--plain', String(times)], {
      cwd: root,
      env: { ...process.env, ...serverEnv(), PORT: String(PORT + 1) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop();
      if (code !== 0 || !line) reject(new Error(`plain Strapi exited with ${code}`));
      else resolve(JSON.parse(line));
    });
  });
}

const serverEnv = () => ({
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  DATABASE_CLIENT: 'postgres',
  DATABASE_HOST: process.env.PGHOST || '127.0.0.1',
  DATABASE_PORT: process.env.PGPORT || '5432',
  DATABASE_USERNAME: process.env.PGUSER || 'postgres',
  DATABASE_NAME: DATABASE,
  ...BENCH_SECRETS,
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: '2598',
  NOTIFICATION_POLL_MS: '3600000',
});

const STATUSES = ['submitted', 'in_charge', 'in_progress', 'closed', 'rejected'];
const STEPS = [
  ['takeInCharge', 'takenInChargeAt', 'dueTakeInChargeAt'],
  ['firstAnswer', 'firstAnsweredAt', 'dueFirstAnswerAt'],
  ['close', 'closedAt', 'dueCloseAt'],
];
const romeDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The same public figures as plain code would make them: every row in memory, grouped, sorted for each median. */
function plainPublicStatistics(rows) {
  const day = (row) => romeDate.format(new Date(row.submittedAt));
  const sizes = new Map();
  const cell = (row) => `${day(row)} ${row.category?.slug ?? ''}`;
  for (const row of rows) sizes.set(cell(row), (sizes.get(cell(row)) ?? 0) + 1);
  const kept = rows.filter((row) => sizes.get(cell(row)) >= 5);
  const aggregate = (group) => {
    const byStatus = Object.fromEntries(STATUSES.map((status) => [status, group.filter((row) => row.status === status).length]));
    const figures = STEPS.map(([step, done, due]) => {
      const reached = group.filter((row) => row[done]);
      const hours = reached.map((row) => (Date.parse(row[done]) - Date.parse(row.submittedAt)) / HOUR).sort((a, b) => a - b);
      const middle = Math.floor(hours.length / 2);
      const median = hours.length === 0 ? null : hours.length % 2 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2;
      const measured = reached.filter((row) => row[due]);
      const inTime = measured.filter((row) => Date.parse(row[done]) <= Date.parse(row[due])).length;
      return [step, { median, share: measured.length ? inTime / measured.length : null }];
    });
    return { total: group.length, byStatus, figures: Object.fromEntries(figures) };
  };
  const groupBy = (key) => {
    const groups = new Map();
    for (const row of kept) {
      const value = key(row);
      if (value !== null) groups.set(value, [...(groups.get(value) ?? []), row]);
    }
    return [...groups].map(([value, group]) => ({ value, ...aggregate(group) }));
  };
  return {
    ...aggregate(kept),
    byCategory: groupBy((row) => row.category?.slug ?? null),
    byOffice: groupBy((row) => row.office?.name ?? null),
    byMonth: groupBy((row) => day(row).slice(0, 7)),
  };
}

async function plainChild(times) {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  const took = [];
  let error = null;
  for (let i = 0; i < times && !error; i++) {
    const started = process.hrtime.bigint();
    try {
      const rows = await strapi.db.query('plugin::segnalazioni.report').findMany({
        select: ['status', 'submittedAt', 'takenInChargeAt', 'firstAnsweredAt', 'closedAt', 'dueTakeInChargeAt', 'dueFirstAnswerAt', 'dueCloseAt'],
        populate: { category: { select: ['slug', 'name'] }, office: { select: ['name'] } },
      });
      plainPublicStatistics(rows);
      took.push(Number(process.hrtime.bigint() - started) / 1e6);
    } catch (caught) {
      error = String(caught instanceof Error ? caught.message : caught)
        .split(' - ')
        .pop()
        ?.slice(0, 160);
    }
  }
  await strapi.destroy();
  process.stdout.write(`\n${JSON.stringify({ took, error })}\n`);
  process.exit(0);
}

const ms = (value) => `${Math.round(value)} ms`.padStart(9);

async function main() {
  compile();
  const database = await freshDatabase(DATABASE);
  const server = await startServer({ database: DATABASE, smtpPort: 2598, port: PORT, env: { LOG_LEVEL: 'error', NOTIFICATION_POLL_MS: '3600000' } });
  const client = new Client({ host: process.env.PGHOST || '127.0.0.1', user: process.env.PGUSER || 'postgres', database: DATABASE });
  await client.connect();
  try {
    await fetch(`${server.url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstname: 'Bench', lastname: 'URP', email: 'bench@comune.test', password: 'Bench2026!x' }),
    });
    const login = /** @type {{ data: { token: string } }} */ (
      await (
        await fetch(`${server.url}/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'bench@comune.test', password: 'Bench2026!x' }),
        })
      ).json()
    );
    const staff = { authorization: `Bearer ${login.data.token}` };

    for (const name of ['Ufficio Strade', 'Ufficio Ambiente']) {
      await client.query(`INSERT INTO segnalazioni_offices (document_id, name, triage, created_at, updated_at) VALUES ($1, $2, false, now(), now())`, [
        randomBytes(12).toString('hex'),
        name,
      ]);
    }
    await client.query(`UPDATE segnalazioni_offices SET name = 'URP' WHERE triage = true`);
    const categories = new Map((await client.query('SELECT id, slug FROM segnalazioni_categories')).rows.map((row) => [row.slug, row.id]));
    const offices = new Map((await client.query('SELECT id, name FROM segnalazioni_offices')).rows.map((row) => [row.name, row.id]));

    const months = Array.from({ length: 36 }, (_, i) => new Date(Date.UTC(2023, i, 1)).toISOString().slice(0, 7));
    const lastDay = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).toISOString().slice(0, 10);
    const randomQuery = () => {
      const month = months[Math.floor(Math.random() * months.length)];
      const [slug] = CATEGORIES[Math.floor(Math.random() * CATEGORIES.length)];
      return `/api/segnalazioni/statistics?from=${month}-01&to=${lastDay(month)}&category=${slug}`;
    };
    // Floors: the categories answer from memory, and Strapi's own /admin/users/me costs what every
    // admin route's authentication and permissions cost — the least any answer takes here, now.
    /** @type {[name: string, path: () => string, headers: Record<string, string>][]} */
    const CASES = [
      ['floor: categories', () => '/api/segnalazioni/categories', {}],
      ['floor: staff, /admin/users/me', () => '/admin/users/me', staff],
      ['public, everything', () => '/api/segnalazioni/statistics', {}],
      ['public, month × category', randomQuery, {}],
      ['staff (URP), everything', () => '/segnalazioni/statistics', staff],
    ];

    let seeded = 0;
    console.log(`\nbench/statistics — PostgreSQL, autocannon 20 connections × ${SECONDS} s per case`);
    for (const size of SIZES) {
      const started = Date.now();
      await seed(client, seeded, size, categories, offices);
      seeded = size;
      // Rows written straight into the tables pass no intake: the aggregates are rebuilt, as an operator would.
      const rebuilt = rebuild(DATABASE);
      const published = /** @type {{ data: { total: number } }} */ (await (await fetch(`${server.url}/api/segnalazioni/statistics`)).json());
      console.log(
        `\n${size} reports (seeded and aggregated in ${((Date.now() - started) / 1000).toFixed(1)} s, npm run archive:rebuild ${rebuilt.toFixed(1)} s of it; ${published.data.total} in cells of 5 or more are public)`,
      );
      console.log('ours: case                         req/s      p50       p99    max   non-2xx');
      for (const [name, path, headers] of CASES) {
        // Figures computed once before the case (the time after a change is measured below); the
        // random case meets each of its 288 queries for the first time during the run.
        await client.query('UPDATE segnalazioni_archive_version SET version = version + 1');
        await (await fetch(`${server.url}${path()}`, { headers })).arrayBuffer();
        const result = await measure(server.url, path, headers);
        console.log(
          `  ${name.padEnd(30)} ${result.requests.average.toFixed(0).padStart(7)} ${ms(result.latency.p50)} ${ms(result.latency.p99)} ${ms(result.latency.max)} ${String(result.non2xx).padStart(6)}`,
        );
      }
      for (const [name, path, headers] of [CASES[2], CASES[4]]) {
        const took = await afterChanges(client, server.url, path(), headers);
        console.log(
          `  ${`${name}, after each change`.padEnd(30)} ${'1 at a time'.padStart(7)} ${ms(percentile(took, 50))} ${ms(percentile(took, 99))} ${ms(Math.max(...took))}`,
        );
      }
      const former = await plain(5);
      console.log(
        `plain Strapi (findMany + populate + JS), 5 runs: ${former.took.length ? `p50 ${Math.round(percentile(former.took, 50))} ms, max ${Math.round(Math.max(...former.took))} ms` : ''}${former.error ? ` failed: ${former.error}` : ''}`,
      );
    }
    const plan = await client.query(`EXPLAIN ANALYZE SELECT r.status, cl.category_id, ol.office_id, (extract(epoch from r.submitted_at) * 1000)::float8
      FROM segnalazioni_reports r LEFT JOIN segnalazioni_reports_category_lnk cl ON cl.report_id = r.id LEFT JOIN segnalazioni_reports_office_lnk ol ON ol.report_id = r.id`);
    console.log(`\nEXPLAIN ANALYZE, the statistics' statement (some of its columns):\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await client.end();
    await server.stop();
    await database.drop();
  }
}

if (process.argv[2] === '--plain') {
  plainChild(Number(process.argv[3])).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
