'use strict';
// Boots the real server for a benchmark: compiled from source, on a fresh PostgreSQL database,
// in its own process, with mail going to a local SMTP server.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs/promises');
const path = require('path');
const { Client } = require('pg');

const root = path.resolve(__dirname, '../..');
const PG = { host: process.env.PGHOST || '127.0.0.1', port: Number(process.env.PGPORT || 5432), user: process.env.PGUSER || 'postgres' };

/** A client on one database; the caller ends it. */
async function connect(database) {
  const client = new Client({ ...PG, database });
  await client.connect();
  return client;
}

async function admin(sql) {
  const client = await connect('postgres');
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

/**
 * What every benchmark server runs with on top of the production defaults: every simulated citizen
 * comes from 127.0.0.1, so the abuse limits are lifted, and the figures measure the server, not the limits.
 */
const BENCH_ENV = Object.fromEntries(
  [
    'REPORTS_PER_CITIZEN',
    'REPORTS_PER_IP',
    'REGISTRATIONS_PER_IP',
    'LOGINS_PER_IP',
    'ACCOUNT_EMAILS_PER_IP',
    'ACCOUNT_EMAILS_PER_EMAIL',
    'WEBHOOKS_PER_IP',
  ].map((name) => [`RATE_LIMIT_${name}`, '1000000']),
);

/** The secrets Strapi needs to start, for a benchmark's throwaway servers. */
const BENCH_SECRETS = {
  APP_KEYS: 'bench-a,bench-b',
  API_TOKEN_SALT: 'bench',
  ADMIN_JWT_SECRET: 'bench',
  TRANSFER_TOKEN_SALT: 'bench',
  JWT_SECRET: 'bench',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789',
};

/** Builds the read models (archive projection, statistics) with the project's own command, as an operator would; seconds taken. */
function rebuild(database) {
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'scripts/archive-rebuild.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: PG.host,
      DATABASE_PORT: String(PG.port),
      DATABASE_USERNAME: PG.user,
      DATABASE_NAME: database,
      ...BENCH_SECRETS,
    },
  });
  return (Date.now() - started) / 1000;
}

function compile() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}

/**
 * `quiet`: the server's error log is counted (`errorsLogged()`), not printed — for a run that
 * provokes them by the hundred. `script`: a file to run in place of `strapi start` (it boots the
 * same compiled app).
 * @param {{ database: string, smtpPort: number, port: number, env?: Record<string, string>, nodeArgs?: string[], quiet?: boolean, script?: string | null }} options
 */
async function startServer({ database, smtpPort, port, env = {}, nodeArgs = [], quiet = false, script = null }) {
  const command = script ? [script] : [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'];
  const child = spawn(process.execPath, [...nodeArgs, ...command], {
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
      ...BENCH_ENV,
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: PG.host,
      DATABASE_PORT: String(PG.port),
      DATABASE_USERNAME: PG.user,
      DATABASE_NAME: database,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      ...BENCH_SECRETS,
      ...env,
    },
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
  });
  let errorsLogged = 0;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk) => {
      errorsLogged += (
        String(chunk)
          .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
          .match(/\] error: /g) ?? []
      ).length;
    });
  }
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
    pid: child.pid,
    errorsLogged: () => errorsLogged,
    /** Ends the process at once, as a crash or an OOM kill does: no shutdown hook runs. */
    kill: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        if (child.exitCode !== null || child.signalCode !== null) resolve(undefined);
        else child.kill('SIGTERM');
      }),
  };
}

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const UPLOADS = path.join(root, 'public/uploads');

/** The names in public/uploads now: taken before a run, to tell what it wrote. */
async function uploadsNow() {
  return new Set(await fs.readdir(UPLOADS).catch(() => []));
}

/**
 * What a run wrote to public/uploads since `before` that the database does not record (a file a
 * crashed request was writing, or stored without committing), and `remove()` to delete all the run wrote.
 */
async function uploadsSince(database, before) {
  const client = await connect(database);
  try {
    const { rows } = await client.query('SELECT url, formats FROM files');
    const recorded = new Set(
      rows.flatMap((row) => [row.url, ...Object.values(row.formats ?? {}).map((format) => format.url)]).map((url) => path.basename(url ?? '')),
    );
    const written = [...(await uploadsNow())].filter((name) => !before.has(name));
    return {
      unrecorded: written.filter((name) => !recorded.has(name)),
      remove: () => Promise.all(written.map((name) => fs.rm(path.join(UPLOADS, name), { force: true }))),
    };
  } finally {
    await client.end();
  }
}

module.exports = {
  BENCH_SECRETS,
  BENCH_ENV,
  compile,
  connect,
  freshDatabase,
  startServer,
  percentile,
  rebuild,
  root,
  uploadsNow,
  uploadsSince,
};
