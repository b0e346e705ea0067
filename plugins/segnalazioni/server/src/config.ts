import { inputErrors } from './common/domain/input-errors';
import type { TemplateOverrides } from './notifications/domain/mail-templates';
import { DEFAULT_RETRY_POLICY } from './notifications/domain/outbox';
import { DEFAULT_RATE_LIMITS, rateLimitsSchema, type RateLimits } from './accounts/domain/rate-limit';
import { MAX_PHOTOS } from './intake/domain/report-input';
import { parseBoundingBox } from './places/domain/territory';
import type { ChannelsConfig } from './channels/channels';
import type { DeadlineConfig } from './service-levels/deadlines';
import type { DispatcherConfig } from './notifications/notifications';
import type { UploadSweepConfig } from './photos/upload-sweep';
import { checkMapConfig, type MapConfig } from './places/domain/map-settings';

export interface SegnalazioniConfig {
  /** Base URL of the public site, for links in mails. */
  publicUrl: string;
  /** Where the URP office seeded on first boot is emailed (editors change it in the admin later). */
  urpEmail: string;
  /** The municipality as `minLon,minLat,maxLon,maxLat`: reports placed outside are refused. Empty: anywhere. */
  territory: string;
  photos: { maxPhotos: number; maxBytes: number };
  notifications: DispatcherConfig;
  deadlines: DeadlineConfig;
  /** Show each published report's current deadline in the public archive. */
  publicDeadlines: boolean;
  /** Archive answers each server process keeps for the current archive version (0 entries: none). */
  archiveCache: { maxEntries: number; maxBytes: number };
  /** How long a shared cache (a CDN, a reverse proxy) may answer for the public archive without asking (s-maxage). */
  archiveSharedMaxAgeSeconds: number;
  /** The municipality's patron saint's day (`MM-DD`) and extra closures (`YYYY-MM-DD`), for every office. */
  calendar: { patronDay: string | null; closures: string[] };
  /** How long the link of a password-reset mail works. */
  passwordResetMs: number;
  /** Seed a demo citizen and demo reports on boot (set by `npm run demo`). */
  demo: boolean;
  /** Per-template, per-locale replacements of subject and text (see notifications/domain/mail-templates.ts). */
  templates: TemplateOverrides;
  /** WhatsApp and the Facebook page: each is off until all its settings are given. */
  channels: ChannelsConfig;
  /** Abuse limits per group of routes (see accounts/domain/rate-limit.ts). */
  rateLimits: RateLimits;
  /** Removal of the photos a crash left without a report (photos/upload-sweep.ts). */
  uploadSweep: UploadSweepConfig;
  /**
   * The municipality: its name (portal, mails, open data), its code in the IPA index (open data's
   * identifier; empty: none) and its logo's address atop the mails (empty: the name alone).
   */
  municipality: { name: string; ipaCode: string; logoUrl: string };
  /** How long a follow link in a citizen's message opens their report (following/domain/follow-token.ts). */
  followLinks: { lifetimeMs: number };
  /** Statistics computed at once in each server process, and how many more may wait (beyond: 503 with Retry-After). */
  statisticsLoad: { concurrency: number; queue: number };
  /** The address search of the portal's map: a Nominatim-compatible service (empty: none), asked at most once per interval by each process. */
  geocoder: { url: string; minIntervalMs: number };
  /** The maps of the portal and the panel: tiles, their attribution, where they open (places/domain/map-settings.ts). */
  map: MapConfig;
  /** What the Open311 discovery document says: whom to ask for help, and how to get a key (empty: the URP's address). */
  open311: { contact: string; keyService: string };
}

const httpUrl = (name: string, value: string) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`segnalazioni.${name} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`segnalazioni.${name} must be http or https: "${value}"`);
};

/**
 * Every default of the plugin's settings, in one place: config/plugins.ts falls back to these when a
 * variable is not set, and .env.example states them (tests/unit/configuration.test.ts holds the three
 * together).
 */
export const configDefaults = (): SegnalazioniConfig => ({
  publicUrl: 'http://localhost:1337',
  urpEmail: 'urp@comune.example.it',
  territory: '',
  photos: { maxPhotos: MAX_PHOTOS, maxBytes: 10 * 1024 * 1024 },
  notifications: {
    pollIntervalMs: 5000,
    groupingWindowMs: 2 * 60 * 1000,
    batchSize: 20,
    concurrency: 4,
    claimTimeoutMs: 5 * 60 * 1000,
    retry: DEFAULT_RETRY_POLICY,
  },
  calendar: { patronDay: null, closures: [] },
  publicDeadlines: false,
  archiveCache: { maxEntries: 2000, maxBytes: 32 * 1024 * 1024 },
  archiveSharedMaxAgeSeconds: 10,
  deadlines: { checkIntervalMs: 5 * 60 * 1000, reminderLeadMs: 4 * 60 * 60 * 1000 },
  passwordResetMs: 60 * 60 * 1000,
  demo: false,
  templates: {},
  rateLimits: DEFAULT_RATE_LIMITS,
  uploadSweep: { graceMs: 60 * 60 * 1000, intervalMs: 15 * 60 * 1000 },
  open311: { contact: '', keyService: '' },
  geocoder: { url: '', minIntervalMs: 1000 },
  map: {
    tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    // Biella, whose URP's hours are the calendar's defaults.
    center: '45.5629,8.0583',
    zoom: 15,
  },
  municipality: { name: 'Comune di Esempio', ipaCode: '', logoUrl: '' },
  followLinks: { lifetimeMs: 365 * 24 * 60 * 60 * 1000 },
  statisticsLoad: { concurrency: 2, queue: 32 },
  channels: {
    graphApiUrl: 'https://graph.facebook.com',
    graphApiVersion: 'v25.0',
    appSecret: '',
    groupingWindowMs: 10 * 60 * 1000,
    requestTimeoutMs: 10_000,
    whatsapp: { accessToken: '', phoneNumberId: '', verifyToken: '', templateName: '', templateLanguage: 'it' },
    // Written without its `#`, as .env must (it would read the rest of the line as a comment); the channel adds it.
    facebook: { pageId: '', pageToken: '', verifyToken: '', hashtag: 'segnalaloaBiella' },
  },
});

export default {
  default: configDefaults,
  validator(config: Partial<SegnalazioniConfig>) {
    if (config.publicUrl !== undefined) httpUrl('publicUrl', config.publicUrl);
    if (config.channels) {
      httpUrl('channels.graphApiUrl', config.channels.graphApiUrl);
      if (!/^v\d+\.\d+$/.test(config.channels.graphApiVersion)) {
        throw new Error(`segnalazioni.channels.graphApiVersion must look like v25.0, not "${config.channels.graphApiVersion}"`);
      }
      if (!(config.channels.groupingWindowMs >= 0)) throw new Error('segnalazioni.channels.groupingWindowMs must be a number of milliseconds');
    }
    if (config.rateLimits) {
      const limits = rateLimitsSchema.safeParse(config.rateLimits);
      if (!limits.success)
        throw new Error(
          `segnalazioni.rateLimits: ${inputErrors(limits.error)
            .map(({ path, message }) => `${path} ${message}`)
            .join('; ')}`,
        );
    }
    if (config.geocoder?.url) httpUrl('geocoder.url', config.geocoder.url);
    if (config.municipality?.logoUrl) httpUrl('municipality.logoUrl', config.municipality.logoUrl);
    if (config.followLinks && !(Number.isInteger(config.followLinks.lifetimeMs) && config.followLinks.lifetimeMs > 0))
      throw new Error('segnalazioni.followLinks: FOLLOW_LINK_DAYS must be a whole number of days, 1 or more');
    if (config.geocoder && !(Number.isInteger(config.geocoder.minIntervalMs) && config.geocoder.minIntervalMs >= 0))
      throw new Error('segnalazioni.geocoder.minIntervalMs must be a whole number of milliseconds, 0 or more');
    if (config.statisticsLoad) {
      const { concurrency, queue } = config.statisticsLoad;
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('segnalazioni.statisticsLoad.concurrency must be a whole number, 1 or more');
      if (!Number.isInteger(queue) || queue < 0) throw new Error('segnalazioni.statisticsLoad.queue must be a whole number, 0 or more');
    }
    parseBoundingBox(config.territory);
    if (config.map) checkMapConfig(config.map, config.territory ?? '');
    if (config.calendar?.patronDay && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(config.calendar.patronDay)) {
      throw new Error(`segnalazioni.calendar.patronDay must be MM-DD, not "${config.calendar.patronDay}"`);
    }
    for (const closure of config.calendar?.closures ?? []) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(closure)) throw new Error(`segnalazioni.calendar.closures: "${closure}" is not YYYY-MM-DD`);
    }
    if (config.passwordResetMs !== undefined && !(config.passwordResetMs > 0))
      throw new Error('segnalazioni.passwordResetMs must be a positive number of milliseconds');
    if (config.archiveSharedMaxAgeSeconds !== undefined && !(Number.isInteger(config.archiveSharedMaxAgeSeconds) && config.archiveSharedMaxAgeSeconds >= 0))
      throw new Error('segnalazioni.archiveSharedMaxAgeSeconds must be a whole number of seconds, 0 or more');
    if (config.photos && (config.photos.maxPhotos > MAX_PHOTOS || config.photos.maxPhotos < 0)) {
      throw new Error(`segnalazioni.photos.maxPhotos must be between 0 and ${MAX_PHOTOS}`);
    }
  },
};
