import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './database';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMailReceiver } = require('../../scripts/lib/mail-receiver');

export type Mailbox = Awaited<ReturnType<typeof startMailReceiver>>;

export const ROOT = path.resolve(__dirname, '../..');

const TEST_SECRETS: Record<string, string> = {
  APP_KEYS: 'test-key-a,test-key-b',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
};

export interface TestApp {
  readonly strapi: Core.Strapi;
  readonly mailbox: Mailbox;
  readonly database: TestDatabase;
  /** This app's public directory; uploads land in its `uploads/`. */
  readonly publicDir: string;
  /** Where a browser reaches it (only listening when started with `admin: true`). */
  readonly url: string;
  /** supertest bound to the running server. */
  http(): ReturnType<typeof request>;
  /** Stops Strapi and boots it again on the same database, as a server restart does. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function bootStrapi({ admin = false } = {}): Promise<Core.Strapi> {
  // Required late: Strapi reads its configuration from process.env while it loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = createStrapi({
    appDir: ROOT,
    distDir: path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: admin,
  });
  try {
    await strapi.load();
  } catch (error) {
    // A half-booted Strapi keeps the test process alive: tear it down before failing.
    await strapi.destroy().catch(() => undefined);
    throw error;
  }
  strapi.server.mount();
  if (admin) await new Promise<void>((resolve) => strapi.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  return strapi;
}

/**
 * Boots the real Strapi on a database of its own, with mail going to a real SMTP server on
 * loopback. One per test file: call in `beforeAll`, `stop()` in `afterAll`.
 */
/** A free TCP port on loopback, for a server a browser must reach. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `admin: true` serves the built admin panel and listens on a real port (see `url`), for browser tests.
 */
export async function startApp(env: Record<string, string> = {}, { smtpDelayMs = 0, admin = false } = {}): Promise<TestApp> {
  const mailbox: Mailbox = await startMailReceiver({ delayMs: smtpDelayMs });
  const database = await createTestDatabase();
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-public-'));
  fs.mkdirSync(path.join(publicDir, 'uploads'));

  Object.assign(process.env, TEST_SECRETS, database.env, {
    // The developer's .env (written by `npm run demo`) sets real-world limits and more: tests read none of it.
    ENV_PATH: os.devNull,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(admin ? await freePort() : 1337),
    PUBLIC_URL: 'http://sportello.test',
    PUBLIC_DIR: publicDir,
    SMTP_HOST: mailbox.host,
    SMTP_PORT: String(mailbox.port),
    SMTP_SECURE: 'false',
    MAIL_FROM: 'Sportello Segnalazioni <segnalazioni@comune.test>',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'error',
    STARTUP_MESSAGE: 'false',
    // Tests reach no tile service: a test that draws maps gives its stand-in (helpers/tiles.ts).
    MAP_TILE_URL: '',
    // Each step's message at once, as most tests count them; the grouping has its own test.
    MAIL_GROUPING_SECONDS: '0',
    ...env,
  });

  let strapi: Core.Strapi;
  try {
    strapi = await bootStrapi({ admin });
  } catch (error) {
    await mailbox.close();
    await database.drop();
    throw error;
  }
  const url = `http://127.0.0.1:${process.env.PORT}`;

  return {
    get strapi() {
      return strapi;
    },
    mailbox,
    database,
    publicDir,
    url,
    http: () => request(strapi.server.httpServer),
    async restart() {
      await strapi.destroy();
      strapi = await bootStrapi({ admin });
    },
    async stop() {
      await strapi.destroy();
      await mailbox.close();
      await database.drop();
      fs.rmSync(publicDir, { recursive: true, force: true });
    },
  };
}
