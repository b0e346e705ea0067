'use strict';
// Boots the real server for a benchmark: compiled from source, on a fresh PostgreSQL database,
// in its own process, with mail going to a local SMTP server.
const { execFileSync, spawn } = require('child_process');
const path = require('path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '../..');
const PG = { host: process.env.PGHOST || '127.0.0.1', port: Number(process.env.PGPORT || 5432), user: process.env.PGUSER || 'postgres' };

async function admin(sql) {
  const client = new Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshDatabase(name) {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  return { drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function compile() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}

async function startServer({ database, smtpPort, port, env = {}, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SERVE_ADMIN_PANEL: 'false',
      STARTUP_MESSAGE: 'false',
      LOG_LEVEL: 'warn',
      // Every simulated citizen comes from 127.0.0.1: the abuse limits would measure themselves.
      ...Object.fromEntries(['REPORTS_PER_CITIZEN', 'REPORTS_PER_IP', 'REGISTRATIONS_PER_IP', 'LOGINS_PER_IP', 'ACCOUNT_EMAILS_PER_IP', 'ACCOUNT_EMAILS_PER_EMAIL', 'WEBHOOKS_PER_IP'].map((name) => [`RATE_LIMIT_${name}`, '1000000'])),
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: PG.host,
      DATABASE_PORT: String(PG.port),
      DATABASE_USERNAME: PG.user,
      DATABASE_NAME: database,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      APP_KEYS: 'bench-a,bench-b',
      API_TOKEN_SALT: 'bench',
      ADMIN_JWT_SECRET: 'bench',
      TRANSFER_TOKEN_SALT: 'bench',
      JWT_SECRET: 'bench',
      ENCRYPTION_KEY: 'bench-encryption-key-0123456789',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/_health`)).status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

module.exports = { compile, freshDatabase, startServer, percentile, root };
