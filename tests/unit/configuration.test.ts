import fs from 'fs';
import path from 'path';
import { parseEnv } from 'util';
import { env } from '@strapi/utils';
import admin from '../../config/admin';
import database from '../../config/database';
import logger from '../../config/logger';
import middlewares from '../../config/middlewares';
import plugins from '../../config/plugins';
import server from '../../config/server';
import pluginConfig from '../../plugins/segnalazioni/server/src/config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SECRETS } = require('../../scripts/ensure-env') as { SECRETS: string[] };

/**
 * The defaults of the configuration have one source each — Strapi's settings in config/*.ts, the
 * plugin's in its config.ts — and .env.example documents every variable with the value the code
 * falls back to. These tests hold the three together.
 */
const ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
const FILES = { admin, database, logger, middlewares, plugins, server };

/** Variables the configuration reads that are not the installation's to set in .env. */
const NOT_IN_ENV_FILE = new Set(['NODE_ENV']);

/** Every `NAME=value` line of .env.example, commented-out examples included. */
const documented = new Map(
  [...EXAMPLE.matchAll(/^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, comment, name, value]) => [name, { commented: Boolean(comment), value }]),
);
/** What an installation that copies .env.example gets, as dotenv reads it. */
const exampleValues = parseEnv(EXAMPLE) as Record<string, string>;

/** The whole configuration as the files build it from `values` alone, and every variable they looked at. */
function configurationFrom(values: Record<string, string>) {
  const read = new Set<string>();
  const seen = (key: string | symbol) => typeof key === 'string' && read.add(key);
  const saved = process.env;
  process.env = new Proxy(
    { ...values },
    {
      get: (target, key) => (seen(key), Reflect.get(target, key)),
      has: (target, key) => (seen(key), Reflect.has(target, key)),
      getOwnPropertyDescriptor: (target, key) => (seen(key), Reflect.getOwnPropertyDescriptor(target, key)),
    },
  );
  try {
    const config = Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, file({ env })]));
    return { config, read };
  } finally {
    process.env = saved;
  }
}

// Secrets are generated (scripts/ensure-env.js), never defaulted: both sides get the same ones.
const secrets = Object.fromEntries(SECRETS.map((name) => [name, `test-${name}`]));
// Some settings are read only in some setups: the other databases, an SMTP login, a database URL.
const SETUPS: Record<string, string>[] = [{}, { DATABASE_CLIENT: 'postgres' }, { DATABASE_CLIENT: 'mysql' }, { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'foto' }];
const REACH_EVERY_BRANCH: Record<string, string>[] = [
  ...SETUPS,
  { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://x', DATABASE_SSL: 'true', SMTP_USERNAME: 'mailer' },
];

describe('upload provider', () => {
  const uploadOf = (values: Record<string, string>) =>
    (configurationFrom({ ...secrets, ...values }).config.plugins as ReturnType<typeof plugins>).upload.config;

  it('keeps uploads in the local folder unless told', () => {
    expect(uploadOf({})).toMatchObject({ provider: 'local' });
    expect(uploadOf({})).not.toHaveProperty('providerOptions');
  });

  it("writes every object of the bucket private, with the key given or the SDK's own credentials", () => {
    const s3 = { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'foto', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' };
    expect(uploadOf({ ...s3, S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' })).toMatchObject({
      provider: 'aws-s3',
      providerOptions: {
        s3Options: {
          region: 'us-east-1',
          endpoint: 'http://127.0.0.1:9000',
          forcePathStyle: true,
          credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
          params: { Bucket: 'foto', ACL: 'private' },
        },
      },
    });
    expect(uploadOf(s3).providerOptions?.s3Options).not.toHaveProperty('credentials');
  });

  it('refuses an unknown provider, and a bucket store without its bucket', () => {
    expect(() => uploadOf({ UPLOAD_PROVIDER: 'ftp' })).toThrow('UPLOAD_PROVIDER must be "local" or "s3", not "ftp"');
    expect(() => uploadOf({ UPLOAD_PROVIDER: 's3' })).toThrow('UPLOAD_PROVIDER=s3 needs S3_BUCKET');
  });
});

describe('configuration defaults', () => {
  it('lists in .env.example every variable the configuration reads', () => {
    const read = new Set(REACH_EVERY_BRANCH.flatMap((setup) => [...configurationFrom({ ...secrets, ...setup }).read]));
    const missing = [...read].filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name) && !documented.has(name) && !NOT_IN_ENV_FILE.has(name));
    expect(missing).toEqual([]);
  });

  it('lists nothing in .env.example that nobody reads', () => {
    const read = new Set(REACH_EVERY_BRANCH.flatMap((setup) => [...configurationFrom({ ...secrets, ...setup }).read]));
    const scripts = fs
      .readdirSync(path.join(ROOT, 'scripts'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(path.join(ROOT, 'scripts', file), 'utf8'))
      .join('\n');
    expect([...documented.keys()].filter((name) => !read.has(name) && !scripts.includes(name))).toEqual([]);
  });

  it.each(SETUPS)('gives the same configuration with the values of .env.example as with none (%j)', (setup) => {
    const fromExample = configurationFrom({ ...exampleValues, ...secrets, ...setup }).config;
    const fromNothing = configurationFrom({ ...secrets, ...setup }).config;
    // Functions (the password rule) compare by identity, and are the same functions on both sides.
    expect(fromExample).toEqual(fromNothing);
  });

  it("falls back to the plugin's own defaults, so they are stated once", () => {
    const { config } = configurationFrom(secrets);
    const given = (config.plugins as ReturnType<typeof plugins>).segnalazioni.config;
    // What the app does not give (the mail templates' overrides) Strapi takes from the plugin's defaults.
    expect({ ...pluginConfig.default(), ...given }).toEqual(pluginConfig.default());
  });

  it('leaves every secret empty in .env.example, for ensure-env to generate', () => {
    const read = configurationFrom({}).read;
    for (const name of SECRETS) {
      expect({ name, ...documented.get(name) }).toEqual({ name, commented: false, value: '' });
      expect(read.has(name)).toBe(true);
    }
  });
});
