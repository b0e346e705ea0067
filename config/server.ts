import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

const port = (env: Env) => env.int('PORT', 1337);

/** The site's public address (PUBLIC_URL): this server's port on localhost unless given. Also read by CORS and the plugin. */
export const publicUrlFromEnv = (env: Env): string => env('PUBLIC_URL', `http://localhost:${port(env)}`);

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: port(env),
  // Links in mails and the admin's own URLs are built from the public address.
  url: publicUrlFromEnv(env),
  // Behind a reverse proxy (TLS ended there): Strapi reads `proxy.koa`, not a boolean `proxy`. Then
  // `X-Forwarded-Proto` makes cookies Secure, and the client's address is read from `ipHeader`, taking
  // only the entries our own proxies added (the rightmost `maxIpsCount`), so a client cannot forge it.
  proxy: {
    koa: env.bool('IS_PROXIED', false),
    ipHeader: env('PROXY_IP_HEADER', 'X-Forwarded-For'),
    maxIpsCount: env.int('PROXY_COUNT', 1),
  },
  // Static files and local uploads (public/uploads) live here.
  dirs: { public: env('PUBLIC_DIR', './public') },
  app: {
    keys: env.array('APP_KEYS'),
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STARTUP_MESSAGE', true) },
  },
});
