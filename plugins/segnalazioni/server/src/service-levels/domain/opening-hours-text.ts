import { parseWeeklyHours, type DayHours, type WeeklyHours } from './working-calendar';

/**
 * An office's hours as an editor reads and writes them in the admin, a line per day, Monday first:
 * "08:30-12:00, 14:15-16:00", empty for a closed day. The stored form is `parseWeeklyHours`'s; this
 * is only its text, both ways.
 */

/** The week as offices write it: Monday first (the stored days are 0 = Sunday … 6 = Saturday). */
export const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;
export type Weekday = (typeof WEEK_FROM_MONDAY)[number];

const PERIOD = /^(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})$/;
const pad = (hours: string, minutes: string) => `${hours.padStart(2, '0')}:${minutes}`;

/** "08:30–12:00, 14:15–16:00"; an empty string for a closed day. */
export const dayText = (periods: DayHours): string => periods.map(([start, end]) => `${start}–${end}`).join(', ');

/** A day's text read back: its periods, or what is wrong with it, in Italian. */
export function parseDayText(text: string): { ok: true; periods: [string, string][] } | { ok: false; message: string } {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  const periods: [string, string][] = [];
  for (const part of parts) {
    const match = PERIOD.exec(part);
    if (!match) return { ok: false, message: `«${part}» non è una fascia oraria: scrivila come 08:30-12:00.` };
    periods.push([pad(match[1], match[2]), pad(match[3], match[4])]);
  }
  try {
    parseWeeklyHours({ 1: periods });
  } catch {
    return { ok: false, message: 'Le fasce vanno in ordine, ognuna con l’inizio prima della fine, senza sovrapporsi, tra 00:00 e 23:59.' };
  }
  return { ok: true, periods };
}

/** The texts of a stored week, Monday first; the default hours when none are stored or they cannot be read. */
export function weekTexts(value: unknown, fallback: WeeklyHours): Record<Weekday, string> {
  let hours: WeeklyHours = fallback;
  try {
    hours = parseWeeklyHours(value) ?? fallback;
  } catch {
    hours = fallback;
  }
  return Object.fromEntries(WEEK_FROM_MONDAY.map((day) => [day, dayText(hours[day])])) as Record<Weekday, string>;
}
