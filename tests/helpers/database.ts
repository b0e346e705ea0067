import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';

/** A database of its own for one test file: a temp SQLite file, or a new PostgreSQL database. */
export interface TestDatabase {
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

const postgresAdmin = () => ({
  host: process.env.DATABASE_HOST || '127.0.0.1',
  port: Number(process.env.DATABASE_PORT || 5432),
  user: process.env.DATABASE_USERNAME || 'postgres',
  password: process.env.DATABASE_PASSWORD || undefined,
  database: 'postgres',
});

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(postgresAdmin());
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const TEST_DATABASE_PREFIX = 'sportello_test_';

export async function createTestDatabase(): Promise<TestDatabase> {
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

  if (client === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-db-'));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }

  if (client !== 'postgres') throw new Error(`Tests run on sqlite or postgres, not "${client}"`);
  const name = `${TEST_DATABASE_PREFIX}${suffix}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const admin = postgresAdmin();
  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: admin.host,
      DATABASE_PORT: String(admin.port),
      DATABASE_USERNAME: admin.user,
      DATABASE_PASSWORD: admin.password ?? '',
      DATABASE_NAME: name,
    },
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
