import type { Core } from '@strapi/strapi';
// Order matters: plugins bootstrap in this order, and segnalazioni relies on the others being ready.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      register: { allowedFields: ['firstName', 'lastName'] },
      ratelimit: { enabled: env.bool('AUTH_RATE_LIMIT', true) },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME')
          ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } }
          : {}),
        connectionTimeout: env.int('SMTP_TIMEOUT_MS', 10000),
        greetingTimeout: env.int('SMTP_TIMEOUT_MS', 10000),
        socketTimeout: env.int('SMTP_TIMEOUT_MS', 10000),
      },
      settings: {
        defaultFrom: env('MAIL_FROM', 'Sportello Segnalazioni <segnalazioni@comune.example.it>'),
        defaultReplyTo: env('MAIL_REPLY_TO', env('MAIL_FROM', 'segnalazioni@comune.example.it')),
      },
    },
  },
  upload: {
    config: {
      provider: 'local',
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT_MB', 10) * 1024 * 1024,
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      landingPage: env.bool('GRAPHQL_PLAYGROUND', false),
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      defaultLimit: 25,
      maxLimit: 100,
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', true) },
    },
  },
  segnalazioni: {
    enabled: true,
    resolve: './plugins/segnalazioni',
    config: {
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
    },
  },
});
