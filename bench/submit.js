#!/usr/bin/env node
'use strict';
/**
 * bench/submit: latency of report submissions on PostgreSQL, 10 citizens at once, with an SMTP
 * server that takes 2 s to accept each mail (the request must not wait for it).
 *
 *   node bench/submit.js [--requests 200] [--concurrency 10] [--smtp-delay 2000]
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth). Prints p50/p90/p99 and throughput.
 */
const { startMailReceiver } = require('../scripts/lib/mail-receiver');
const { noisePhoto, registerCitizens } = require('./lib/citizens');
const { compile, freshDatabase, percentile, startServer } = require('./lib/server');

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const REQUESTS = arg('requests', 200);
const CONCURRENCY = arg('concurrency', 10);
const SMTP_DELAY_MS = arg('smtp-delay', 2000);
const PORT = 1399;

const TITLES = ['Buca in via Italia', 'Cassonetto rotto in piazza', 'Cartello stradale piegato', 'Lampione spento', 'Rami caduti nel parco'];
const CATEGORIES = ['dissesto-stradale', 'rifiuti', 'segnaletica', 'vandalismo-incuria', 'zone-verdi'];

async function run(url, tokens, photo, requests) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    tokens.slice(0, CONCURRENCY).map(async (token) => {
      while (next < requests) {
        const n = next++;
        const form = new FormData();
        form.append(
          'data',
          JSON.stringify({
            title: `${TITLES[n % TITLES.length]} (${n})`,
            description: `Segnalazione di prova numero ${n}: il problema è visibile dalla strada e crea disagio ai passanti.`,
            category: CATEGORIES[n % CATEGORIES.length],
            address: `Via Roma ${n % 120}, Biella`,
            latitude: 45.56 + (n % 10) / 1000,
            longitude: 8.05 + (n % 10) / 1000,
          }),
        );
        if (photo) form.append('photos', new Blob([photo], { type: 'image/jpeg' }), 'foto.jpg');
        const t0 = performance.now();
        const response = await fetch(`${url}/api/segnalazioni/reports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 201) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latencies, failures, seconds };
}

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

async function main() {
  compile();
  const database = await freshDatabase('sportello_bench_submit');
  const mailbox = await startMailReceiver({ delayMs: SMTP_DELAY_MS, maxMessages: 100000 });
  const server = await startServer({ database: 'sportello_bench_submit', smtpPort: mailbox.port, port: PORT });
  try {
    const tokens = (await registerCitizens(server.url, mailbox, CONCURRENCY)).map((citizen) => citizen.jwt);
    const photo = await noisePhoto();
    console.log(
      `\nbench/submit — PostgreSQL, ${CONCURRENCY} citizens at once, ${REQUESTS} submissions per case, SMTP accepting each mail in ${SMTP_DELAY_MS} ms`,
    );
    console.log(`photo: ${(photo.length / 1024 / 1024).toFixed(2)} MB JPEG 1900×1425\n`);
    console.log('case              p50        p90        p99        max     req/s   errors');
    /** @type {[name: string, photo: Buffer | null][]} */
    const cases = [
      ['text only', null],
      ['with a 2 MB photo', photo],
    ];
    for (const [name, withPhoto] of cases) {
      await run(server.url, tokens, withPhoto, 20); // warm-up: JIT, connection pool, sharp's first use
      const { latencies, failures, seconds } = await run(server.url, tokens, withPhoto, REQUESTS);
      console.log(
        `${name.padEnd(16)} ${fmt(percentile(latencies, 50))} ${fmt(percentile(latencies, 90))} ${fmt(percentile(latencies, 99))} ${fmt(Math.max(...latencies))} ${(latencies.length / seconds).toFixed(1).padStart(8)} ${String(failures).padStart(8)}`,
      );
    }
    console.log(`\nmails received meanwhile: ${mailbox.messages.length} (the rest wait in the outbox: requests never wait for SMTP)`);
  } finally {
    await server.stop();
    await mailbox.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
