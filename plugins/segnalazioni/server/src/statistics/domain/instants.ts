import { CALENDAR_TIME_ZONE, startOfDay } from '../../service-levels/domain/working-calendar';

/** An instant as a database driver or a record gives it: milliseconds since the epoch, ISO text, a Date. */
export type Instant = number | string | Date | null | undefined;

/** Milliseconds since the epoch, or `null` for no instant. */
export function toMillis(value: Instant): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return /^\d+$/.test(value) ? Number(value) : new Date(value).getTime();
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: CALENDAR_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
/** Per UTC day: Rome's date at its start, Rome's next date, and the instant (Rome's midnight) between them. */
const romeDays = new Map<number, { readonly before: string; readonly after: string; readonly midnight: number }>();
const MAX_REMEMBERED_DAYS = 100_000;

/**
 * `YYYY-MM-DD` of an instant, in Rome. Rome is one or two hours ahead of UTC, so each UTC day holds
 * exactly one Rome midnight, late in it: three calls to the time-zone data per UTC day, not per report.
 */
export function romeDay(millis: number): string {
  const utcDay = Math.floor(millis / DAY);
  let day = romeDays.get(utcDay);
  if (day === undefined) {
    if (romeDays.size >= MAX_REMEMBERED_DAYS) romeDays.clear();
    const after = dayFormatter.format(new Date((utcDay + 1) * DAY - 1));
    day = { before: dayFormatter.format(new Date(utcDay * DAY)), after, midnight: startOfDay(after).getTime() };
    romeDays.set(utcDay, day);
  }
  return millis < day.midnight ? day.before : day.after;
}
