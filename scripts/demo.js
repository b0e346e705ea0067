#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: everything on the embedded defaults. Creates `.env` with fresh secrets, starts the
 * local mail catcher, builds the citizen portal and the admin and starts Strapi on SQLite, then says
 * where to click.
 */
const { spawn } = require('child_process');
const path = require('path');
const { buildPortal } = require('./build-portal');
const { ensureEnv } = require('./ensure-env');
const { startMailCatcher } = require('./mail-catcher');

const root = path.resolve(__dirname, '..');
const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function run(args, env) {
  return spawn(process.execPath, [strapiBin, ...args], { cwd: root, env, stdio: 'inherit' });
}

function runToEnd(args, env) {
  return new Promise((resolve, reject) => {
    run(args, env).on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`strapi ${args.join(' ')} exited with ${code}`))));
  });
}

async function waitForHealth(url, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Strapi did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  ensureEnv(root);
  process.loadEnvFile(path.join(root, '.env'));
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development', SEED_DEMO: 'true' };

  const catcherPort = Number(env.MAIL_CATCHER_SMTP_PORT || 1025);
  const useCatcher = LOOPBACK.has(env.SMTP_HOST || '127.0.0.1') && Number(env.SMTP_PORT || 1025) === catcherPort;
  const catcher = useCatcher ? await startMailCatcher({ smtpPort: catcherPort, webPort: Number(env.MAIL_CATCHER_WEB_PORT || 1080) }) : null;

  await buildPortal();
  await runToEnd(['build'], env);
  const server = run(['start'], env);
  const stop = async (code) => {
    if (catcher) await catcher.close();
    process.exit(code);
  };
  process.on('SIGINT', () => server.kill('SIGINT'));
  process.on('SIGTERM', () => server.kill('SIGTERM'));
  server.on('exit', (code) => stop(code ?? 0));

  const url = `http://localhost:${env.PORT || 1337}`;
  await waitForHealth(url);
  console.log(`
  Sportello Segnalazioni è pronto.

  Amministrazione   ${url}/admin   → menu «Segnalazioni» (il pannello degli uffici)
    URP (super admin)      admin@comune.example.it / Sportello2026!
    Ufficio Strade         strade@comune.example.it / Ufficio2026!
  Portale cittadini ${url}/sportello
  Cittadino demo    mario.rossi@example.it / Segnala2026!
  Archivio (API)    ${url}/api/segnalazioni/reports
  Categorie (API)   ${url}/api/segnalazioni/categories
  Posta in uscita   ${catcher ? catcher.url : `inviata a ${env.SMTP_HOST}:${env.SMTP_PORT}`}

  Ctrl+C per fermare.
`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
