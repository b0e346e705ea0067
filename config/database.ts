import type { Core } from '@strapi/strapi';
import path from 'path';

type Client = 'sqlite' | 'postgres' | 'mysql';

const DEFAULT_PORTS: Record<Exclude<Client, 'sqlite'>, number> = { postgres: 5432, mysql: 3306 };

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite') as Client;
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        connection: {
          filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
        },
        useNullAsDefault: true,
        acquireConnectionTimeout,
      },
    };
  }

  if (client !== 'postgres' && client !== 'mysql') {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql, not "${client}"`);
  }

  const ssl = env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false;

  return {
    connection: {
      client,
      connection: env('DATABASE_URL')
        ? // pg reads a connection string, mysql2 a uri.
          { [client === 'postgres' ? 'connectionString' : 'uri']: env('DATABASE_URL'), ssl }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', DEFAULT_PORTS[client]),
            database: env('DATABASE_NAME', 'sportello'),
            user: env('DATABASE_USERNAME', client === 'postgres' ? 'postgres' : 'root'),
            password: env('DATABASE_PASSWORD', ''),
            ssl,
            ...(client === 'postgres' ? { schema: env('DATABASE_SCHEMA', 'public') } : {}),
          },
      pool,
      acquireConnectionTimeout,
    },
  };
};
