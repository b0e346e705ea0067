/**
 * The municipality's working calendar: office hours per weekday, Italian national holidays, the
 * patron saint's day and extra closures, in Europe/Rome with its daylight saving time.
 *
 * "Within N working days" means: by the close of the N-th full working day the office has after
 * receiving the report. A report that arrives outside office hours is received at the next opening,
 * so a report sent on Friday evening is due at Monday's close, within one working day.
 */

export const CALENDAR_TIME_ZONE = 'Europe/Rome';

/** Opening periods of one weekday, as `HH:MM`, in order. */
export type DayHours = readonly (readonly [string, string])[];

/** Sunday is 0, as in `Date#getDay`. */
export type WeeklyHours = Readonly<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, DayHours>>;

export interface WorkingCalendar {
  readonly hours: WeeklyHours;
  /** The patron saint's day, `MM-DD` (Biella: none beyond national holidays; Milan: 12-07). */
  readonly patronDay?: string | null;
  /** Extra closures, `YYYY-MM-DD`. */
  readonly closures?: readonly string[];
}

/** The URP of Biella: Mon, Tue, Wed, Fri 8:30–12:00 and 14:15–16:00; Thu 8:30–16:00. */
export const BIELLA_URP_HOURS: WeeklyHours = {
  0: [],
  1: [
    ['08:30', '12:00'],
    ['14:15', '16:00'],
  ],
  2: [
    ['08:30', '12:00'],
    ['14:15', '16:00'],
  ],
  3: [
    ['08:30', '12:00'],
    ['14:15', '16:00'],
  ],
  4: [['08:30', '16:00']],
  5: [
    ['08:30', '12:00'],
    ['14:15', '16:00'],
  ],
  6: [],
};

export const DEFAULT_CALENDAR: WorkingCalendar = { hours: BIELLA_URP_HOURS, patronDay: null, closures: [] };

/** A calendar day in Rome. */
interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoDate = ({ year, month, day }: LocalDate) => `${year}-${pad(month)}-${pad(day)}`;

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const addDays = (date: LocalDate, days: number): LocalDate => {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
};

const weekday = (date: LocalDate) => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() as 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Italian national holidays of a year, Easter Monday included (4 October again from 2026). */
export function italianHolidays(year: number): string[] {
  const fixed = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
  if (year >= 2026) fixed.push('10-04');
  const easter = easterSunday(year);
  return [...fixed.map((monthDay) => `${year}-${monthDay}`), isoDate(easter), isoDate(addDays(easter, 1))].sort();
}

export function isHoliday(date: LocalDate, calendar: WorkingCalendar): boolean {
  const iso = isoDate(date);
  return (
    italianHolidays(date.year).includes(iso) || (calendar.patronDay != null && iso.slice(5) === calendar.patronDay) || (calendar.closures ?? []).includes(iso)
  );
}

function openingPeriods(date: LocalDate, calendar: WorkingCalendar): DayHours {
  return isHoliday(date, calendar) ? [] : calendar.hours[weekday(date)];
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: CALENDAR_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'longOffset',
});

const HOUR_MS = 3_600_000;
/** Offsets already read, by hour since the epoch: bounded, so a process never keeps more than about eleven years of them. */
const offsetsByHour = new Map<number, number>();
const MAX_KEPT_OFFSETS = 100_000;

/**
 * Rome's offset from UTC at an instant, in minutes. Read from Intl once per hour of time: Rome's
 * clock changes only on the hour (since 1980 at 01:00 UTC), and Intl's formatting is what an
 * archive's page of dates spent most of its time in.
 */
function romeOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const kept = offsetsByHour.get(hour);
  if (kept !== undefined) return kept;
  const at = hour * HOUR_MS;
  const parts = Object.fromEntries(partsFormatter.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = Math.round((wall - at) / 60_000);
  if (offsetsByHour.size >= MAX_KEPT_OFFSETS) offsetsByHour.clear();
  offsetsByHour.set(hour, offset);
  return offset;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * An instant as ISO 8601 (W3C) date and time on Rome's clock, with its offset:
 * `2026-03-15T09:30:00+01:00`. What documents for other systems carry (Open311, open data).
 */
export function romeDateTime(instant: string | Date): string {
  const ms = new Date(instant).getTime();
  const offset = romeOffsetMinutes(ms);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const date = `${wall.getUTCFullYear()}-${twoDigits(wall.getUTCMonth() + 1)}-${twoDigits(wall.getUTCDate())}`;
  const time = `${twoDigits(wall.getUTCHours())}:${twoDigits(wall.getUTCMinutes())}:${twoDigits(wall.getUTCSeconds())}`;
  return `${date}T${time}${sign}${twoDigits(Math.floor(Math.abs(offset) / 60))}:${twoDigits(Math.abs(offset) % 60)}`;
}

/** Rome's wall clock at an instant. */
function wallClock(at: Date): LocalDate & { minutes: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute) + Number(parts.second) / 60,
  };
}

/** The instant at which Rome's clock shows `HH:MM` on `date` (office hours never fall in the DST gap). */
function instantAt(date: LocalDate, time: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const asIfUtc = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  let guess = asIfUtc;
  for (let i = 0; i < 2; i++) {
    const shown = wallClock(new Date(guess));
    const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, 0, 0) + shown.minutes * 60_000;
    guess += asIfUtc - shownAsUtc;
  }
  return new Date(guess);
}

/** The instant Rome's calendar day `YYYY-MM-DD` begins (midnight is never in Rome's DST gap). */
export function startOfDay(isoDay: string): Date {
  const [year, month, day] = isoDay.split('-').map(Number);
  return instantAt({ year, month, day }, '00:00');
}

const toMinutes = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Is the office open at this instant? */
export function isOpen(at: Date, calendar: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const now = wallClock(at);
  return openingPeriods(now, calendar).some(([start, end]) => now.minutes >= toMinutes(start) && now.minutes < toMinutes(end));
}

const MAX_SEARCH_DAYS = 400;

/** The next opening at or after `at` (the instant itself when the office is open). */
export function nextOpening(at: Date, calendar: WorkingCalendar = DEFAULT_CALENDAR): Date {
  if (isOpen(at, calendar)) return at;
  const today = wallClock(at);
  for (let offset = 0; offset < MAX_SEARCH_DAYS; offset++) {
    const date = addDays(today, offset);
    for (const [start] of openingPeriods(date, calendar)) {
      const opening = instantAt(date, start);
      if (opening.getTime() >= at.getTime()) return opening;
    }
  }
  throw new Error('The calendar has no opening in the next 400 days');
}

/** The close of the `workingDays`-th full working day after `receivedAt` (see the module comment). */
export function dueAfterWorkingDays(receivedAt: Date, workingDays: number, calendar: WorkingCalendar = DEFAULT_CALENDAR): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`Working days must be a whole number from 1: ${workingDays}`);
  const received = nextOpening(receivedAt, calendar);
  const receivedDay = wallClock(received);
  const firstPeriod = openingPeriods(receivedDay, calendar)[0];
  // Received at the day's first opening: that day is whole and counts. Later: counting starts tomorrow.
  const startsToday = firstPeriod !== undefined && instantAt(receivedDay, firstPeriod[0]).getTime() === received.getTime();
  let counted = 0;
  for (let offset = startsToday ? 0 : 1; offset < MAX_SEARCH_DAYS; offset++) {
    const date = addDays(receivedDay, offset);
    const periods = openingPeriods(date, calendar);
    if (periods.length === 0) continue;
    counted += 1;
    if (counted === workingDays) return instantAt(date, periods[periods.length - 1][1]);
  }
  throw new Error('The calendar has too few working days in the next 400 days');
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Reads an office's own hours, as editors write them in the admin: `{ "1": [["08:30","12:00"]], … }`
 * (1 = Monday … 0 = Sunday; a missing day is closed). `null` when none are set; an error names what is wrong.
 */
export function parseWeeklyHours(value: unknown): WeeklyHours | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('Orari: un oggetto con i giorni da 0 (domenica) a 6 (sabato).');
  const hours: Record<number, DayHours> = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
  for (const [day, periods] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[0-6]$/.test(day)) throw new Error(`Orari: "${day}" non è un giorno (0–6).`);
    if (!Array.isArray(periods)) throw new Error(`Orari del giorno ${day}: un elenco di fasce ["HH:MM","HH:MM"].`);
    let previousEnd = -1;
    hours[Number(day)] = periods.map((period) => {
      if (!Array.isArray(period) || period.length !== 2 || !period.every((time) => typeof time === 'string' && TIME.test(time))) {
        throw new Error(`Orari del giorno ${day}: ogni fascia è ["HH:MM","HH:MM"].`);
      }
      const [start, end] = period as [string, string];
      if (toMinutes(start) >= toMinutes(end) || toMinutes(start) < previousEnd) {
        throw new Error(`Orari del giorno ${day}: fasce in ordine e che non si sovrappongono.`);
      }
      previousEnd = toMinutes(end);
      return [start, end] as const;
    });
  }
  return hours as WeeklyHours;
}
