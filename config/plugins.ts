import type { Core } from '@strapi/strapi';
import { isLongEnoughPassword } from '../plugins/segnalazioni/server/src/accounts/domain/password';
import { configDefaults } from '../plugins/segnalazioni/server/src/config';
import type { RateLimits } from '../plugins/segnalazioni/server/src/accounts/domain/rate-limit';
import { publicUrlFromEnv } from './server';
import { BUCKET_PROVIDER, bucketProviderOptions } from '../plugins/segnalazioni/server/src/photos/photo-bucket';

/**
 * Where uploads go (UPLOAD_PROVIDER, .env.example): the local folder, or an S3-compatible bucket, private
 * (the photo guard serves report photos from it by the same rule as from the folder).
 */
export function uploadProviderFromEnv(env: Core.Config.Shared.ConfigParams['env']) {
  const provider = env('UPLOAD_PROVIDER', 'local');
  if (provider === 'local') return { provider: 'local' };
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" or "s3", not "${provider}"`);
  const bucket = env('S3_BUCKET', '');
  if (!bucket) throw new Error('UPLOAD_PROVIDER=s3 needs S3_BUCKET');
  return {
    provider: BUCKET_PROVIDER,
    providerOptions: bucketProviderOptions({
      bucket,
      region: env('S3_REGION', 'us-east-1'),
      endpoint: env('S3_ENDPOINT', ''),
      forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
      accessKeyId: env('S3_ACCESS_KEY_ID', ''),
      secretAccessKey: env('S3_SECRET_ACCESS_KEY', ''),
    }),
  };
}

/** The abuse limits from the RATE_LIMIT_* variables (.env.example); `defaults` where one is not set. */
export function rateLimitsFromEnv(env: Core.Config.Shared.ConfigParams['env'], defaults: RateLimits): RateLimits {
  const windowMs = (group: string, fallback: number) => env.int(`RATE_LIMIT_${group}_WINDOW_MINUTES`, fallback / 60_000) * 60_000;
  const limit = (name: string, fallback: number) => env.int(`RATE_LIMIT_${name}`, fallback);
  const { reports, registrations, logins, staffLogins, accountEmails, webhooks, open311, places, lookups, ratings } = defaults;
  return {
    reports: {
      windowMs: windowMs('REPORTS', reports.windowMs),
      perCitizen: limit('REPORTS_PER_CITIZEN', reports.perCitizen),
      perIp: limit('REPORTS_PER_IP', reports.perIp),
    },
    registrations: { windowMs: windowMs('REGISTRATIONS', registrations.windowMs), perIp: limit('REGISTRATIONS_PER_IP', registrations.perIp) },
    logins: { windowMs: windowMs('LOGINS', logins.windowMs), perIp: limit('LOGINS_PER_IP', logins.perIp) },
    staffLogins: {
      windowMs: windowMs('STAFF_LOGINS', staffLogins.windowMs),
      perIp: limit('STAFF_LOGINS_PER_IP', staffLogins.perIp),
      perEmail: limit('STAFF_LOGINS_PER_EMAIL', staffLogins.perEmail),
    },
    accountEmails: {
      windowMs: windowMs('ACCOUNT_EMAILS', accountEmails.windowMs),
      perIp: limit('ACCOUNT_EMAILS_PER_IP', accountEmails.perIp),
      perEmail: limit('ACCOUNT_EMAILS_PER_EMAIL', accountEmails.perEmail),
    },
    webhooks: { windowMs: windowMs('WEBHOOKS', webhooks.windowMs), perIp: limit('WEBHOOKS_PER_IP', webhooks.perIp) },
    open311: { windowMs: windowMs('OPEN311', open311.windowMs), perIp: limit('OPEN311_PER_IP', open311.perIp) },
    places: { windowMs: windowMs('PLACES', places.windowMs), perIp: limit('PLACES_PER_IP', places.perIp) },
    lookups: { windowMs: windowMs('LOOKUPS', lookups.windowMs), perIp: limit('LOOKUPS_PER_IP', lookups.perIp) },
    ratings: { windowMs: windowMs('RATINGS', ratings.windowMs), perIp: limit('RATINGS_PER_IP', ratings.perIp) },
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MEGABYTE = 1024 * 1024;

// Order matters: plugins bootstrap in this order, and segnalazioni relies on the others being ready.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const defaults = configDefaults();
  const { channels, notifications } = defaults;
  /** A duration given in minutes (or hours), with the default in milliseconds. */
  const minutes = (name: string, fallbackMs: number) => env.int(name, fallbackMs / MINUTE) * MINUTE;
  const hours = (name: string, fallbackMs: number) => env.int(name, fallbackMs / HOUR) * HOUR;
  const photoMaxBytes = env.int('UPLOAD_SIZE_LIMIT_MB', defaults.photos.maxBytes / MEGABYTE) * MEGABYTE;
  const mailFrom = env('MAIL_FROM', 'Sportello Segnalazioni <segnalazioni@comune.example.it>');
  return {
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
          defaultFrom: mailFrom,
          // Answers to a mail go to the sender unless a reply-to address is given.
          defaultReplyTo: env('MAIL_REPLY_TO', mailFrom),
        },
      },
    },
    upload: {
      config: {
        ...uploadProviderFromEnv(env),
        // Report photos have their own limit (segnalazioni.photos); this bounds the media library.
        sizeLimit: Math.max(photoMaxBytes, 50 * MEGABYTE),
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
        // Enforced by the segnalazioni plugin before Apollo parses and validates (plugins/segnalazioni/server/src/archive/graphql.ts).
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
      // Each setting from its variable (.env.example), else the plugin's own default (its config.ts).
      config: {
        publicUrl: publicUrlFromEnv(env),
        urpEmail: env('URP_EMAIL', defaults.urpEmail),
        demo: env.bool('SEED_DEMO', defaults.demo),
        passwordResetMs: minutes('PASSWORD_RESET_MINUTES', defaults.passwordResetMs),
        publicDeadlines: env.bool('PUBLIC_DEADLINES', defaults.publicDeadlines),
        archiveCache: {
          maxEntries: env.int('ARCHIVE_CACHE_ENTRIES', defaults.archiveCache.maxEntries),
          maxBytes: env.int('ARCHIVE_CACHE_MB', defaults.archiveCache.maxBytes / (1024 * 1024)) * 1024 * 1024,
        },
        archiveSharedMaxAgeSeconds: env.int('ARCHIVE_SHARED_MAX_AGE_SECONDS', defaults.archiveSharedMaxAgeSeconds),
        deadlines: {
          checkIntervalMs: minutes('DEADLINE_CHECK_MINUTES', defaults.deadlines.checkIntervalMs),
          reminderLeadMs: hours('DEADLINE_REMINDER_HOURS', defaults.deadlines.reminderLeadMs),
        },
        calendar: {
          patronDay: env('PATRON_DAY', '') || defaults.calendar.patronDay,
          closures: env.array('OFFICE_CLOSURES', defaults.calendar.closures).filter(Boolean),
        },
        territory: env('MUNICIPALITY_BBOX', defaults.territory),
        rateLimits: rateLimitsFromEnv(env, defaults.rateLimits),
        uploadSweep: {
          graceMs: minutes('UPLOAD_SWEEP_GRACE_MINUTES', defaults.uploadSweep.graceMs),
          intervalMs: minutes('UPLOAD_SWEEP_INTERVAL_MINUTES', defaults.uploadSweep.intervalMs),
        },
        photos: { maxPhotos: defaults.photos.maxPhotos, maxBytes: photoMaxBytes },
        municipality: {
          name: env('MUNICIPALITY_NAME', defaults.municipality.name),
          ipaCode: env('MUNICIPALITY_IPA_CODE', defaults.municipality.ipaCode),
          logoUrl: env('MUNICIPALITY_LOGO_URL', defaults.municipality.logoUrl),
        },
        followLinks: { lifetimeMs: env.int('FOLLOW_LINK_DAYS', defaults.followLinks.lifetimeMs / DAY) * DAY },
        statisticsLoad: {
          concurrency: env.int('STATISTICS_CONCURRENCY', defaults.statisticsLoad.concurrency),
          queue: env.int('STATISTICS_QUEUE', defaults.statisticsLoad.queue),
        },
        open311: { contact: env('OPEN311_CONTACT', defaults.open311.contact), keyService: env('OPEN311_KEY_SERVICE', defaults.open311.keyService) },
        geocoder: { url: env('GEOCODER_URL', defaults.geocoder.url), minIntervalMs: env.int('GEOCODER_MIN_INTERVAL_MS', defaults.geocoder.minIntervalMs) },
        map: {
          tileUrl: env('MAP_TILE_URL', defaults.map.tileUrl),
          attribution: env('MAP_ATTRIBUTION', defaults.map.attribution),
          center: env('MUNICIPALITY_CENTER', defaults.map.center),
          zoom: env.int('MAP_ZOOM', defaults.map.zoom),
        },
        // WhatsApp Business Cloud API and the Facebook page: a channel missing any of its settings is off.
        channels: {
          graphApiUrl: env('GRAPH_API_URL', channels.graphApiUrl),
          graphApiVersion: env('GRAPH_API_VERSION', channels.graphApiVersion),
          appSecret: env('META_APP_SECRET', channels.appSecret),
          groupingWindowMs: minutes('CHANNEL_GROUPING_MINUTES', channels.groupingWindowMs),
          requestTimeoutMs: env.int('GRAPH_API_TIMEOUT_MS', channels.requestTimeoutMs),
          whatsapp: {
            accessToken: env('WHATSAPP_ACCESS_TOKEN', channels.whatsapp.accessToken),
            phoneNumberId: env('WHATSAPP_PHONE_NUMBER_ID', channels.whatsapp.phoneNumberId),
            verifyToken: env('WHATSAPP_VERIFY_TOKEN', channels.whatsapp.verifyToken),
            templateName: env('WHATSAPP_TEMPLATE_NAME', channels.whatsapp.templateName),
            templateLanguage: env('WHATSAPP_TEMPLATE_LANGUAGE', channels.whatsapp.templateLanguage),
          },
          facebook: {
            pageId: env('FACEBOOK_PAGE_ID', channels.facebook.pageId),
            pageToken: env('FACEBOOK_PAGE_TOKEN', channels.facebook.pageToken),
            verifyToken: env('FACEBOOK_VERIFY_TOKEN', channels.facebook.verifyToken),
            hashtag: env('FACEBOOK_HASHTAG', '') || channels.facebook.hashtag,
          },
        },
        notifications: {
          ...notifications,
          pollIntervalMs: env.int('NOTIFICATION_POLL_MS', notifications.pollIntervalMs),
          groupingWindowMs: env.int('MAIL_GROUPING_SECONDS', notifications.groupingWindowMs / 1000) * 1000,
          concurrency: env.int('NOTIFICATION_CONCURRENCY', notifications.concurrency),
          claimTimeoutMs: env.int('NOTIFICATION_CLAIM_TIMEOUT_MS', notifications.claimTimeoutMs),
          retry: {
            ...notifications.retry,
            baseDelayMs: env.int('NOTIFICATION_RETRY_BASE_MS', notifications.retry.baseDelayMs),
            maxAttempts: env.int('NOTIFICATION_MAX_ATTEMPTS', notifications.retry.maxAttempts),
          },
        },
      },
    },
  };
};
