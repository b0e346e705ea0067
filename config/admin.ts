import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  // false for an API-only server (benchmarks, headless deployments): then no admin build is needed.
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  flags: {
    nps: false,
    promoteEE: false,
  },
});
