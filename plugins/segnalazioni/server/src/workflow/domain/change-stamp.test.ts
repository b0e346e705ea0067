import { changeStampAfter } from './change-stamp';

describe('the stamp of a change', () => {
  it('is the clock when the clock has moved on', () => {
    expect(changeStampAfter('2026-12-01T10:00:00.000Z', new Date('2026-12-01T10:00:05.000Z')).toISOString()).toBe('2026-12-01T10:00:05.000Z');
  });

  it('moves on by a millisecond when the clock has not', () => {
    const frozen = new Date('2026-12-01T10:00:00.000Z');
    const first = changeStampAfter('2026-12-01T10:00:00.000Z', frozen);
    expect(first.toISOString()).toBe('2026-12-01T10:00:00.001Z');
    expect(changeStampAfter(first, frozen).toISOString()).toBe('2026-12-01T10:00:00.002Z');
  });
});
