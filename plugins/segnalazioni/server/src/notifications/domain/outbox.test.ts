import { afterFailure, DEFAULT_RETRY_POLICY } from './outbox';

const policy = { baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 5 };
const now = new Date('2026-11-24T09:00:00Z');

describe('afterFailure', () => {
  it('retries with a doubling delay up to the cap, then gives up', () => {
    expect(afterFailure(1, now, policy)).toEqual({ give: 'retry', at: new Date(now.getTime() + 1000) });
    expect(afterFailure(3, now, policy)).toEqual({ give: 'retry', at: new Date(now.getTime() + 4000) });
    expect(afterFailure(4, now, policy)).toEqual({ give: 'retry', at: new Date(now.getTime() + 8000) });
    expect(afterFailure(5, now, policy)).toEqual({ give: 'up' });
  });

  it('gives up at once on a permanent failure', () => {
    expect(afterFailure(1, now, policy, true)).toEqual({ give: 'up' });
  });
});

describe('the default retry policy', () => {
  it('keeps a message for a day of outage before giving it up', () => {
    const start = new Date('2026-12-01T22:00:00Z');
    let at = start;
    let attempts = 1;
    for (let next = afterFailure(attempts, at); next.give === 'retry'; next = afterFailure(++attempts, at)) at = next.at;
    expect(at.getTime() - start.getTime()).toBeGreaterThanOrEqual(24 * 60 * 60_000);
    expect(attempts).toBe(DEFAULT_RETRY_POLICY.maxAttempts);
  });
});
