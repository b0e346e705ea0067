import { isIPv6 } from 'net';
import { z } from 'zod';

/**
 * Abuse limits: how many requests of one kind a client may make in a window, and what to answer
 * when it made more. Fixed windows: one counter per (group, key, window) that the store raises
 * atomically and shares between server processes; a refused request is told to come back when
 * the window that refused it ends.
 */

/** Kinds of request limited together: a group shares its window and its counters. */
export type LimitGroup = 'reports' | 'registrations' | 'logins' | 'staffLogins' | 'accountEmails' | 'webhooks' | 'open311' | 'places' | 'lookups' | 'ratings';

/** Who a counter counts: the client's address, the logged-in citizen, the email address asked about. */
export type KeyKind = 'ip' | 'citizen' | 'email';

const count = z.number().int().positive();
const windowMs = z.number().int().min(1000);

export const rateLimitsSchema = z.object({
  /** Report submissions and edits (`POST /reports`, `PUT /my/reports/:id`). */
  reports: z.object({ windowMs, perCitizen: count, perIp: count }),
  registrations: z.object({ windowMs, perIp: count }),
  /** Password logins and everything else users-permissions limits: password reset and change, OAuth. */
  logins: z.object({ windowMs, perIp: count }),
  /** Officers' and editors' logins to the admin (and its first-admin registration), per address and per email tried. */
  staffLogins: z.object({ windowMs, perIp: count, perEmail: count }),
  /** Mails on request: confirmation resends and password-reset requests. */
  accountEmails: z.object({ windowMs, perIp: count, perEmail: count }),
  /** Meta's webhook deliveries; Meta delivers from few addresses and retries what is refused. */
  webhooks: z.object({ windowMs, perIp: count }),
  /** Service requests posted by Open311 clients (another civic system's server, from its address). */
  open311: z.object({ windowMs, perIp: count }),
  /** Address searches and lookups of the portal's map (each may cost a call to the geocoder). */
  places: z.object({ windowMs, perIp: count }),
  /** Reports opened by a follow link or looked up by their reference (a reference is short: guessing must stay slow). */
  lookups: z.object({ windowMs, perIp: count }),
  /** Ratings of the service, anonymous: a few per visit. */
  ratings: z.object({ windowMs, perIp: count }),
});

export type RateLimits = z.infer<typeof rateLimitsSchema>;

const MINUTE = 60 * 1000;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  reports: { windowMs: 60 * MINUTE, perCitizen: 20, perIp: 60 },
  registrations: { windowMs: 60 * MINUTE, perIp: 10 },
  logins: { windowMs: 15 * MINUTE, perIp: 30 },
  staffLogins: { windowMs: 15 * MINUTE, perIp: 30, perEmail: 10 },
  accountEmails: { windowMs: 60 * MINUTE, perIp: 10, perEmail: 3 },
  webhooks: { windowMs: MINUTE, perIp: 600 },
  open311: { windowMs: 60 * MINUTE, perIp: 600 },
  places: { windowMs: 10 * MINUTE, perIp: 120 },
  lookups: { windowMs: 10 * MINUTE, perIp: 60 },
  ratings: { windowMs: 60 * MINUTE, perIp: 10 },
};

/** The users-permissions routes (below the REST prefix) it rate-limits, and our group for each. */
const AUTH_ROUTE_GROUPS: Readonly<Record<string, LimitGroup>> = {
  '/auth/local': 'logins',
  '/auth/local/register': 'registrations',
  '/auth/send-email-confirmation': 'accountEmails',
  '/auth/forgot-password': 'accountEmails',
  '/auth/reset-password': 'logins',
  '/auth/change-password': 'logins',
};

/**
 * The group of a users-permissions route, by its path below the REST prefix. A route it limits
 * that is not listed (OAuth's `/connect/…`, or one a later version adds) counts as a login.
 */
export function authRouteGroup(path: string): LimitGroup {
  return AUTH_ROUTE_GROUPS[path.toLowerCase().replace(/\/+$/, '')] ?? 'logins';
}

/**
 * The address a limit counts by. IPv6 clients usually hold a whole /64, so counting single
 * addresses would let one of them change address at every request: they count by their /64.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** What is known of the request's author when the limit is checked. */
export interface Requester {
  readonly ip: string;
  readonly citizenId?: number | string | null;
  /** The email address of an account mail request (the request's own field, unchecked). */
  readonly email?: unknown;
}

export interface Counter {
  /** Names the counter of this group, key and window; the store keeps one count per bucket. */
  readonly bucket: string;
  readonly kind: KeyKind;
  readonly limit: number;
  /** When the window ends (ms since the epoch): the count starts again from zero. */
  readonly resetsAt: number;
}

const MAX_EMAIL_LENGTH = 254;

function emailKey(email: unknown): string | null {
  if (typeof email !== 'string') return null;
  const normalised = email.trim().toLowerCase();
  return normalised.length > 0 && normalised.length <= MAX_EMAIL_LENGTH ? normalised : null;
}

/** The counters one request of `group` raises at `now`: one for each kind of key the group counts by. */
export function countersFor(group: LimitGroup, limits: RateLimits, requester: Requester, now: number): Counter[] {
  const groupLimits: { windowMs: number; perIp: number; perCitizen?: number; perEmail?: number } = limits[group];
  const window = Math.floor(now / groupLimits.windowMs);
  const resetsAt = (window + 1) * groupLimits.windowMs;
  const keys: { kind: KeyKind; value: string | null; limit: number | undefined }[] = [
    { kind: 'ip', value: addressKey(requester.ip), limit: groupLimits.perIp },
    { kind: 'citizen', value: requester.citizenId == null ? null : String(requester.citizenId), limit: groupLimits.perCitizen },
    { kind: 'email', value: emailKey(requester.email), limit: groupLimits.perEmail },
  ];
  return keys
    .filter((key): key is { kind: KeyKind; value: string; limit: number } => key.value !== null && key.limit !== undefined)
    .map((key) => ({ bucket: `${group}|${key.kind}|${key.value}|${window}`, kind: key.kind, limit: key.limit, resetsAt }));
}

export type Decision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number; readonly retryAt: Date; readonly refused: readonly Counter[] };

/**
 * Allowed while every counter, this request included, is within its limit. Otherwise the client
 * may retry when the last of the windows that refused it ends (at least a second from now).
 */
export function decide(counted: readonly { counter: Counter; hits: number }[], now: number): Decision {
  const refused = counted.filter(({ counter, hits }) => hits > counter.limit).map(({ counter }) => counter);
  if (refused.length === 0) return { allowed: true };
  const retryAt = Math.max(...refused.map((counter) => counter.resetsAt));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now) / 1000)), retryAt: new Date(retryAt), refused };
}

/** True when this count is the first over the limit: the moment worth one line in the log. */
export const justExceeded = ({ counter, hits }: { counter: Counter; hits: number }) => hits === counter.limit + 1;

/** The citizen's message: too many requests, and when to try again, in words. */
export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const when =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'secondo' : 'secondi'}`
      : minutes < 120
        ? `${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}`
        : `${Math.ceil(minutes / 60)} ore`;
  return `Troppe richieste in poco tempo. Riprova tra ${when}.`;
}
