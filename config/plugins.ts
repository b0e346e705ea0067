import type { Core } from '@strapi/strapi';
import { isLongEnoughPassword } from '../plugins/segnalazioni/server/src/domain/password';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../plugins/segnalazioni/server/src/domain/rate-limit';

/** The abuse limits from the RATE_LIMIT_* variables (.env.example); `defaults` where one is not set. */
export function rateLimitsFromEnv(env: Core.Config.Shared.ConfigParams['env'], defaults: RateLimits): RateLimits {
  const windowMs = (group: string, fallback: number) => env.int(`RATE_LIMIT_${group}_WINDOW_MINUTES`, fallback / 60_000) * 60_000;
  const limit = (name: string, fallback: number) => env.int(`RATE_LIMIT_${name}`, fallback);
  const { reports, registrations, logins, accountEmails, webhooks } = defaults;
  return {
    reports: {
      windowMs: windowMs('REPORTS', reports.windowMs),
      perCitizen: limit('REPORTS_PER_CITIZEN', reports.perCitizen),
      perIp: limit('REPORTS_PER_IP', reports.perIp),
    },
    registrations: { windowMs: windowMs('REGISTRATIONS', registrations.windowMs), perIp: limit('REGISTRATIONS_PER_IP', registrations.perIp) },
    logins: { windowMs: windowMs('LOGINS', logins.windowMs), perIp: limit('LOGINS_PER_IP', logins.perIp) },
    accountEmails: {
      windowMs: windowMs('ACCOUNT_EMAILS', accountEmails.windowMs),
      perIp: limit('ACCOUNT_EMAILS_PER_IP', accountEmails.perIp),
      perEmail: limit('ACCOUNT_EMAILS_PER_EMAIL', accountEmails.perEmail),
    },
    webhooks: { windowMs: windowMs('WEBHOOKS', webhooks.windowMs), perIp: limit('WEBHOOKS_PER_IP', webhooks.perIp) },
  };
}

// Order matters: plugins bootstrap in this order, and segnalazioni relies on the others being ready.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      register: { allowedFields: ['firstName', 'lastName', 'language'] },
      // The same rule the portal checks before sending: refused here too, for any client.
      validationRules: { validatePassword: isLongEnoughPassword },
      // Its in-memory limiter is replaced by segnalazioni's, shared by every server process (rateLimits below).
      ratelimit: { enabled: false },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD', '') } } : {}),
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
      // Report photos have their own limit (segnalazioni.photos); this bounds the media library.
      sizeLimit: Math.max(env.int('UPLOAD_SIZE_LIMIT_MB', 10), 50) * 1024 * 1024,
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
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV') !== 'production') },
      // Enforced by the segnalazioni plugin before Apollo parses and validates (plugins/segnalazioni/server/src/graphql.ts).
      limits: {
        maxQueryBytes: env.int('GRAPHQL_MAX_QUERY_BYTES', 8192),
        maxTokens: env.int('GRAPHQL_MAX_TOKENS', 1000),
        maxArgumentLength: env.int('GRAPHQL_MAX_ARGUMENT_LENGTH', 1000),
        maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
        maxDirectives: env.int('GRAPHQL_MAX_DIRECTIVES', 10),
        maxCost: env.int('GRAPHQL_MAX_COST', 5000),
      },
    },
  },
  segnalazioni: {
    enabled: true,
    resolve: './plugins/segnalazioni',
    config: {
      publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
      urpEmail: env('URP_EMAIL', 'urp@comune.example.it'),
      demo: env.bool('SEED_DEMO', false),
      passwordResetMs: env.int('PASSWORD_RESET_MINUTES', 60) * 60 * 1000,
      publicDeadlines: env.bool('PUBLIC_DEADLINES', false),
      deadlines: {
        checkIntervalMs: env.int('DEADLINE_CHECK_MINUTES', 5) * 60 * 1000,
        reminderLeadMs: env.int('DEADLINE_REMINDER_HOURS', 4) * 60 * 60 * 1000,
      },
      calendar: { patronDay: env('PATRON_DAY', '') || null, closures: env.array('OFFICE_CLOSURES', []).filter(Boolean) },
      territory: env('MUNICIPALITY_BBOX', ''),
      rateLimits: rateLimitsFromEnv(env, DEFAULT_RATE_LIMITS),
      uploadSweep: { graceMs: env.int('UPLOAD_SWEEP_GRACE_MINUTES', 60) * 60 * 1000, intervalMs: env.int('UPLOAD_SWEEP_INTERVAL_MINUTES', 15) * 60 * 1000 },
      photos: { maxPhotos: 5, maxBytes: env.int('UPLOAD_SIZE_LIMIT_MB', 10) * 1024 * 1024 },
      // WhatsApp Business Cloud API and the Facebook page: a channel missing any of its settings is off.
      channels: {
        graphApiUrl: env('GRAPH_API_URL', 'https://graph.facebook.com'),
        graphApiVersion: env('GRAPH_API_VERSION', 'v25.0'),
        appSecret: env('META_APP_SECRET', ''),
        groupingWindowMs: env.int('CHANNEL_GROUPING_MINUTES', 10) * 60 * 1000,
        requestTimeoutMs: env.int('GRAPH_API_TIMEOUT_MS', 10000),
        whatsapp: {
          accessToken: env('WHATSAPP_ACCESS_TOKEN', ''),
          phoneNumberId: env('WHATSAPP_PHONE_NUMBER_ID', ''),
          verifyToken: env('WHATSAPP_VERIFY_TOKEN', ''),
          templateName: env('WHATSAPP_TEMPLATE_NAME', ''),
          templateLanguage: env('WHATSAPP_TEMPLATE_LANGUAGE', 'it'),
        },
        facebook: {
          pageId: env('FACEBOOK_PAGE_ID', ''),
          pageToken: env('FACEBOOK_PAGE_TOKEN', ''),
          verifyToken: env('FACEBOOK_VERIFY_TOKEN', ''),
          hashtag: env('FACEBOOK_HASHTAG', '') || '#segnalaloaBiella',
        },
      },
      notifications: {
        pollIntervalMs: env.int('NOTIFICATION_POLL_MS', 5000),
        batchSize: 20,
        concurrency: env.int('NOTIFICATION_CONCURRENCY', 4),
        claimTimeoutMs: env.int('NOTIFICATION_CLAIM_TIMEOUT_MS', 5 * 60 * 1000),
        retry: {
          baseDelayMs: env.int('NOTIFICATION_RETRY_BASE_MS', 30000),
          maxDelayMs: 60 * 60 * 1000,
          maxAttempts: env.int('NOTIFICATION_MAX_ATTEMPTS', 8),
        },
      },
    },
  },
});
