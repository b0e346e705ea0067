import { z } from 'zod';
import { startOfDay } from '../../service-levels/domain/working-calendar';

/** The years a date filter may name: the archive starts this century; year 0 or 9999 is a typo or a probe. */
export const FILTER_YEARS = { min: 2000, max: 2100 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a `YYYY-MM-DD` day of the calendar within FILTER_YEARS (Italian), or null. */
export function calendarDateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return 'una data nel formato AAAA-MM-GG, per esempio 2026-03-15.';
  const [year, month, day] = match.slice(1).map(Number);
  if (year < FILTER_YEARS.min || year > FILTER_YEARS.max) return `l'anno deve essere tra ${FILTER_YEARS.min} e ${FILTER_YEARS.max}.`;
  if (month < 1 || month > 12) return `${value} non è una data: il mese va da 01 a 12.`;
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${value} non è una data: quel mese ha ${days} giorni.`;
  return null;
}

/** A date query parameter: a real day, `YYYY-MM-DD`. */
export const calendarDate = (label: string) =>
  z
    .string({ error: `${label}: una data nel formato AAAA-MM-GG.` })
    .trim()
    .superRefine((value, ctx) => {
      const problem = calendarDateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}: ${problem}` });
    });

/** `from` and `to`, when both are given, in order (the same day is a range of one day). */
export const isOrderedRange = ({ from, to }: { from?: string; to?: string }) => !from || !to || from <= to;

export const UNORDERED_RANGE = { error: 'from: deve essere uguale o precedente a to.', path: ['from'] };

/** The day after `YYYY-MM-DD`, as `YYYY-MM-DD`. */
export function nextDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * The instants a `from`/`to` filter covers. Its dates are Rome's calendar days (Europe/Rome, with its
 * summer time: a day lasts 23, 24 or 25 hours): from Rome's midnight that begins `from` (`since`,
 * included) to Rome's midnight that ends `to` (`until`, excluded). `null`: no bound on that side.
 * Every date filter — archive over REST and GraphQL, statistics — selects through this.
 */
export function dayRange(period: { from?: string; to?: string }): { since: Date | null; until: Date | null } {
  return { since: period.from ? startOfDay(period.from) : null, until: period.to ? startOfDay(nextDay(period.to)) : null };
}
