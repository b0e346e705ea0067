/**
 * Which Graph API failures are worth another try. Meta answers throttling and its own passing
 * troubles with codes of their own, often under HTTP 400 (WhatsApp Cloud API and Graph API error
 * code references); everything else a 4xx says (a re-engagement message outside the 24-hour window,
 * an unknown number, a bad token, a template that does not exist) will be said again.
 */

/** Codes Meta documents as temporary: retry later with backoff. */
const TRANSIENT_CODES = new Set([
  1, // API Unknown: possibly a temporary issue
  2, // API Service: temporary downtime
  4,
  17,
  32,
  341,
  613, // Graph API rate limits
  80007, // WhatsApp Business Account rate limit
  130429, // Cloud API throughput reached
  131000, // Something went wrong
  131016, // Service unavailable
  131048, // Spam rate limit hit
  131056, // Business/consumer pair rate limit
  133004, // Server temporarily unavailable
]);

/** Sending free text outside the customer-service window. */
export const RE_ENGAGEMENT_CODE = 131047;

export interface GraphFailure {
  readonly status: number;
  readonly code: number | null;
  /** Meta's own `is_transient` flag, when it gave one. */
  readonly transient?: boolean | null;
}

/** A failure that asking again will not mend: the notification is failed at once. */
export function isPermanentGraphFailure({ status, code, transient }: GraphFailure): boolean {
  if (transient === true || status >= 500 || status === 429) return false;
  if (code !== null && TRANSIENT_CODES.has(code)) return false;
  return status >= 400;
}
