#!/usr/bin/env node
'use strict';
/**
 * bench/admin-transfer: the bytes an officer's browser downloads on the admin's first load, with
 * compression (`Accept-Encoding: br, gzip`, what browsers send) and without (what every browser got
 * before `strapi::compression`). Chromium opens /admin on the built server and lists what it fetched
 * up to the first administrator's registration form (the page, scripts, styles, fonts, its first API calls); each is then fetched again both
 * ways on a bare HTTP request, and the bytes of the bodies on the wire are summed.
 *
 *   node bench/admin-transfer.js        (builds the admin first if dist/build is missing)
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');
const { compile, freshDatabase, root, startServer } = require('./lib/server');

const DATABASE = 'sportello_bench_admin';
const PORT = 1398;
const SMTP_PORT = 2599;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The body's bytes as they crossed the wire (not decoded), with its encoding and the time to the last byte. */
function download(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(url, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ bytes, encoding: response.headers['content-encoding'] ?? 'identity', ms: Number(process.hrtime.bigint() - started) / 1e6 }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** What Chromium fetches from the server when it opens /admin in a fresh profile. */
async function firstLoad(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const fetched = new Map();
    page.on('response', (response) => {
      const request = response.request();
      if (request.method() === 'GET' && response.url().startsWith(url) && response.status() === 200) fetched.set(response.url(), request.resourceType());
    });
    await page.goto(`${url}/admin`);
    // A fresh installation opens on the first administrator's registration form, once the bundle has run.
    await page.waitForSelector('input[name="email"]', { timeout: 60000 });
    await page.waitForLoadState('networkidle');
    return fetched;
  } finally {
    await browser.close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`.padStart(9);

async function main() {
  if (!fs.existsSync(path.join(root, 'dist/build/index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], { cwd: root, stdio: 'inherit' });
  } else {
    compile();
  }
  const database = await freshDatabase(DATABASE);
  const server = await startServer({ database: DATABASE, smtpPort: SMTP_PORT, port: PORT, env: { SERVE_ADMIN_PANEL: 'true' } });
  try {
    const fetched = await firstLoad(server.url);
    const byKind = new Map();
    let largest = { url: '', plain: 0, compressed: 0, encoding: '', ms: 0 };
    for (const [url, kind] of fetched) {
      const plain = await download(url, '');
      const compressed = await download(url, 'br, gzip');
      const totals = byKind.get(kind) ?? { count: 0, plain: 0, compressed: 0 };
      byKind.set(kind, { count: totals.count + 1, plain: totals.plain + plain.bytes, compressed: totals.compressed + compressed.bytes });
      if (plain.bytes > largest.plain) largest = { url, plain: plain.bytes, compressed: compressed.bytes, encoding: compressed.encoding, ms: compressed.ms };
    }
    const sum = (key) => [...byKind.values()].reduce((total, kind) => total + kind[key], 0);
    console.log(`\nAdmin first load (/admin, fresh browser): ${fetched.size} answers\n`);
    console.log('kind          answers   without      br/gzip');
    for (const [kind, totals] of [...byKind].sort((a, b) => b[1].plain - a[1].plain)) {
      console.log(`${kind.padEnd(12)} ${String(totals.count).padStart(8)} ${kb(totals.plain)} ${kb(totals.compressed)}`);
    }
    const [plain, compressed] = [sum('plain'), sum('compressed')];
    console.log(`${'total'.padEnd(12)} ${String(fetched.size).padStart(8)} ${kb(plain)} ${kb(compressed)}  (${((100 * compressed) / plain).toFixed(1)} %)`);
    console.log(
      `\nlargest: ${path.basename(new URL(largest.url).pathname)} ${kb(largest.plain).trim()} → ${kb(largest.compressed).trim()} (${largest.encoding}), compressed and sent in ${largest.ms.toFixed(0)} ms`,
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
