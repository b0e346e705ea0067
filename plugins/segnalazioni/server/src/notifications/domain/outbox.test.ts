import { afterFailure } from './outbox';

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
