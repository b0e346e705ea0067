import { monthOf } from './statistics-rollup';

/**
 * A query's days as whole months (read from the monthly rollups) and the part-months at its ends
 * (read from the day cells): at most two day ranges, whatever the length of the period.
 */
export interface RangeParts {
  /** The whole months, `YYYY-MM` bounds (absent: unbounded); null: none. */
  readonly months: { readonly from?: string; readonly to?: string } | null;
  /** Day ranges, `YYYY-MM-DD`, both ends included, in no month of `months`. */
  readonly days: readonly { readonly from: string; readonly to: string }[];
}

const daysIn = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
};
const firstDay = (month: string) => `${month}-01`;
const lastDay = (month: string) => `${month}-${String(daysIn(month)).padStart(2, '0')}`;
const shiftMonth = (month: string, by: number) => {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1 + by, 1)).toISOString().slice(0, 7);
};

/** Splits `from`–`to` (valid `YYYY-MM-DD` days, in order; either may be absent) into whole months and day ranges. */
export function rangeParts(from?: string, to?: string): RangeParts {
  const startsWhole = !from || from === firstDay(monthOf(from));
  const endsWhole = !to || to === lastDay(monthOf(to));
  if (from && to && monthOf(from) === monthOf(to)) {
    return startsWhole && endsWhole ? { months: { from: monthOf(from), to: monthOf(to) }, days: [] } : { months: null, days: [{ from, to }] };
  }
  const days: { from: string; to: string }[] = [];
  if (from && !startsWhole) days.push({ from, to: lastDay(monthOf(from)) });
  if (to && !endsWhole) days.push({ from: firstDay(monthOf(to)), to });
  const months = {
    ...(from ? { from: startsWhole ? monthOf(from) : shiftMonth(monthOf(from), 1) } : {}),
    ...(to ? { to: endsWhole ? monthOf(to) : shiftMonth(monthOf(to), -1) } : {}),
  };
  return { months: months.from && months.to && months.from > months.to ? null : months, days };
}
