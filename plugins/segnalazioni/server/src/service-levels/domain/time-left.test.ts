import { timeLeft } from './time-left';

describe('time left before a deadline', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const after = (ms: number) => new Date(now.getTime() + ms);
  it('reads in days from two days on, then hours, then minutes', () => {
    expect(timeLeft(now, after(1149 * 3_600_000))).toEqual({ unit: 'days', count: 47 });
    expect(timeLeft(now, after(48 * 3_600_000))).toEqual({ unit: 'days', count: 2 });
    expect(timeLeft(now, after(47 * 3_600_000 + 59 * 60_000))).toEqual({ unit: 'hours', count: 47 });
    expect(timeLeft(now, after(3_600_000))).toEqual({ unit: 'hours', count: 1 });
    expect(timeLeft(now, after(59 * 60_000 + 1))).toEqual({ unit: 'minutes', count: 60 });
    expect(timeLeft(now, after(1))).toEqual({ unit: 'minutes', count: 1 });
    expect(timeLeft(now, after(-5000))).toEqual({ unit: 'minutes', count: 1 });
  });
});
