/** Retry policy of the outbox: exponential backoff, then give up and show the failure to staff. */

export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts in all, the first included, before a notification is marked failed. */
  readonly maxAttempts: number;
}

/** Retries for about a day (30 s doubling to an hour, 32 attempts): a mail server down overnight loses no mail. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 32,
};

export type AfterFailure = { readonly give: 'up' } | { readonly give: 'retry'; readonly at: Date };

/**
 * What happens after attempt number `attempts` (1 for the first) has failed at `now`. A permanent
 * failure (the recipient's service refused the message itself) is given up at once.
 */
export function afterFailure(attempts: number, now: Date, policy: RetryPolicy = DEFAULT_RETRY_POLICY, permanent = false): AfterFailure {
  if (permanent || attempts >= policy.maxAttempts) return { give: 'up' };
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return { give: 'retry', at: new Date(now.getTime() + delay) };
}

/** A message that cannot be delivered however often it is tried; its text says why, for staff. */
export class UndeliverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndeliverableError';
  }
}
