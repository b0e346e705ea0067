import { REPORT_STATUSES, type ReportStatus } from './lifecycle';
import { CALENDAR_TIME_ZONE, startOfDay } from './working-calendar';

/**
 * Aggregates for the institutional site and the staff: counts by status, median times to take in
 * charge, to first answer and to close, and the share of each step done within its deadline —
 * overall, by category, by office and by month. Aggregates only: no report, no person.
 */

/** An instant as a database driver or a record gives it: milliseconds since the epoch, ISO text, a Date. */
export type Instant = number | string | Date | null | undefined;

export interface StatisticsRow {
  readonly status: ReportStatus;
  readonly submittedAt: Instant;
  readonly takenInChargeAt?: Instant;
  readonly firstAnsweredAt?: Instant;
  readonly closedAt?: Instant;
  readonly dueTakeInChargeAt?: Instant;
  readonly dueFirstAnswerAt?: Instant;
  readonly dueCloseAt?: Instant;
  readonly category?: { readonly slug: string; readonly name: string } | null;
  readonly office?: { readonly name: string } | null;
}

type Step = 'takeInCharge' | 'firstAnswer' | 'close';

const STEPS: Record<Step, { done: keyof StatisticsRow; due: keyof StatisticsRow }> = {
  takeInCharge: { done: 'takenInChargeAt', due: 'dueTakeInChargeAt' },
  firstAnswer: { done: 'firstAnsweredAt', due: 'dueFirstAnswerAt' },
  close: { done: 'closedAt', due: 'dueCloseAt' },
};
const STEP_NAMES = Object.keys(STEPS) as Step[];

export interface Aggregate {
  readonly total: number;
  readonly byStatus: Record<ReportStatus, number>;
  /** Median hours from submission to each step, among the reports that reached it. */
  readonly medianHours: Record<Step, number | null>;
  /** Share (0–1) of the reports that reached a step with a deadline and reached it in time. */
  readonly withinServiceLevel: Record<Step, number | null>;
}

export interface Statistics extends Aggregate {
  readonly byCategory: (Aggregate & { readonly slug: string; readonly name: string })[];
  readonly byOffice: (Aggregate & { readonly name: string })[];
  readonly byMonth: (Aggregate & { readonly month: string })[];
}

/** Milliseconds since the epoch, or `null` for no instant. */
export function toMillis(value: Instant): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return /^\d+$/.test(value) ? Number(value) : new Date(value).getTime();
}

const HOUR = 3_600_000;
const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: CALENDAR_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
// Rome is a whole number of hours from UTC, so the day of every instant of a UTC hour is the same.
const dayOfHour = new Map<number, string>();
const MAX_REMEMBERED_HOURS = 200_000;

/** `YYYY-MM-DD` of an instant, in Rome. */
export function romeDay(millis: number): string {
  const hour = Math.floor(millis / HOUR);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    if (dayOfHour.size >= MAX_REMEMBERED_HOURS) dayOfHour.clear();
    day = dayFormatter.format(new Date(hour * HOUR));
    dayOfHour.set(hour, day);
  }
  return day;
}

/** `YYYY-MM` of the submission, in Rome. */
export const monthOf = (row: StatisticsRow) => romeDay(toMillis(row.submittedAt) as number).slice(0, 7);

/** The instants a period of Rome's calendar days covers: from the first midnight, up to (excluded) the one after the last day. */
export function periodBounds(period: { from?: string; to?: string }): { since: Date | null; until: Date | null } {
  const dayAfter = (isoDay: string) => {
    const [year, month, day] = isoDay.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  };
  return { since: period.from ? startOfDay(period.from) : null, until: period.to ? startOfDay(dayAfter(period.to)) : null };
}

/**
 * The small-cell rule of the public figures. A cell is the reports of one category (or of none yet)
 * submitted on one calendar day in Rome. A cell of fewer than MIN_CELL_REPORTS reports is left out
 * of every public figure — totals, statuses, medians, shares, offices, months — and nothing says
 * whether anything was left out. A public query selects whole cells (its period is whole days, its
 * category a whole column of cells) and each cell is kept or left out on its own count, so the
 * figures of any two queries differ by whole kept cells: no subtraction isolates a report of a
 * small cell. Staff see every report in their scope.
 */
export const MIN_CELL_REPORTS = 5;

export const cellOf = (row: StatisticsRow) => `${romeDay(toMillis(row.submittedAt) as number)} ${row.category?.slug ?? ''}`;

/** The rows whose day × category cell has at least MIN_CELL_REPORTS reports. */
export function inPublishableCells<T extends StatisticsRow>(rows: readonly T[]): T[] {
  const sizes = new Map<string, number>();
  const cells = rows.map(cellOf);
  for (const cell of cells) sizes.set(cell, (sizes.get(cell) ?? 0) + 1);
  return rows.filter((_, index) => (sizes.get(cells[index]) as number) >= MIN_CELL_REPORTS);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** A row with its instants read once. */
interface Timed {
  readonly status: ReportStatus;
  readonly submitted: number;
  readonly done: Record<Step, number | null>;
  readonly due: Record<Step, number | null>;
  readonly row: StatisticsRow;
}

function timed(row: StatisticsRow): Timed {
  const done = {} as Record<Step, number | null>;
  const due = {} as Record<Step, number | null>;
  for (const step of STEP_NAMES) {
    done[step] = toMillis(row[STEPS[step].done] as Instant);
    due[step] = toMillis(row[STEPS[step].due] as Instant);
  }
  return { status: row.status, submitted: toMillis(row.submittedAt) as number, done, due, row };
}

function aggregateTimed(rows: readonly Timed[]): Aggregate {
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as Record<ReportStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  const medianHours = {} as Record<Step, number | null>;
  const withinServiceLevel = {} as Record<Step, number | null>;
  for (const step of STEP_NAMES) {
    const hours: number[] = [];
    let measured = 0;
    let inTime = 0;
    for (const row of rows) {
      const done = row.done[step];
      if (done === null) continue;
      hours.push((done - row.submitted) / HOUR);
      const due = row.due[step];
      if (due === null) continue;
      measured += 1;
      if (done <= due) inTime += 1;
    }
    medianHours[step] = round(median(hours), 1);
    withinServiceLevel[step] = measured ? round(inTime / measured, 3) : null;
  }
  return { total: rows.length, byStatus, medianHours, withinServiceLevel };
}

export const aggregate = (rows: readonly StatisticsRow[]): Aggregate => aggregateTimed(rows.map(timed));

function groupBy(rows: readonly Timed[], key: (row: Timed) => string | null): Map<string, Timed[]> {
  const groups = new Map<string, Timed[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null) continue;
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

/** Every figure over `rows`, as staff see them. */
export function computeStatistics(rows: readonly StatisticsRow[]): Statistics {
  const all = rows.map(timed);
  const names = new Map(rows.flatMap((row) => (row.category ? [[row.category.slug, row.category.name] as const] : [])));
  return {
    ...aggregateTimed(all),
    byCategory: [...groupBy(all, ({ row }) => row.category?.slug ?? null)]
      .map(([slug, group]) => ({ slug, name: names.get(slug) ?? slug, ...aggregateTimed(group) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byOffice: [...groupBy(all, ({ row }) => row.office?.name ?? null)]
      .map(([name, group]) => ({ name, ...aggregateTimed(group) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byMonth: [...groupBy(all, ({ submitted }) => romeDay(submitted).slice(0, 7))]
      .map(([month, group]) => ({ month, ...aggregateTimed(group) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/** The public figures: the same, over the reports of publishable cells only. */
export const computePublicStatistics = (rows: readonly StatisticsRow[]): Statistics => computeStatistics(inPublishableCells(rows));
