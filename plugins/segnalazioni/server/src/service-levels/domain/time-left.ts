/**
 * The time left before a deadline as an officer reads it at a glance: days once there are two or
 * more, else hours, else minutes; never "1149 h". Counted on the clock: the deadline itself was set
 * in the office's working days.
 */
export type TimeLeft = { readonly unit: 'days' | 'hours' | 'minutes'; readonly count: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function timeLeft(now: Date, due: Date): TimeLeft {
  const left = Math.max(0, due.getTime() - now.getTime());
  if (left >= 2 * DAY) return { unit: 'days', count: Math.floor(left / DAY) };
  if (left >= HOUR) return { unit: 'hours', count: Math.floor(left / HOUR) };
  return { unit: 'minutes', count: Math.max(1, Math.ceil(left / MINUTE)) };
}
