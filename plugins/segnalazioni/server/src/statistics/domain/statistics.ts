import { dayRange } from '../../common/domain/calendar-date';
import { REPORT_STATUSES, type ReportStatus } from '../../workflow/domain/lifecycle';
import { CALENDAR_TIME_ZONE, startOfDay } from '../../service-levels/domain/working-calendar';

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
const DAY = 24 * HOUR;
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

/** `YYYY-MM` of the submission, in Rome. */
export const monthOf = (row: StatisticsRow) => romeDay(toMillis(row.submittedAt) as number).slice(0, 7);

/** What a statistics query selects: a period of Rome's days, a category, the offices of a scope (`null`: every office). */
export interface Selection {
  readonly from?: string;
  readonly to?: string;
  readonly category?: string;
  readonly offices?: readonly number[] | null;
}

/** The rows of `rows` a selection takes; `officeId` is the row's office (`null`: none yet). */
export function selectRows<T extends StatisticsRow & { readonly officeId: number | null }>(rows: readonly T[], selection: Selection): T[] {
  const { since, until } = dayRange(selection);
  const [first, last] = [since?.getTime() ?? -Infinity, until?.getTime() ?? Infinity];
  const offices = selection.offices ? new Set(selection.offices) : null;
  return rows.filter((row) => {
    const submitted = toMillis(row.submittedAt) as number;
    if (submitted < first || submitted >= last) return false;
    if (selection.category !== undefined && row.category?.slug !== selection.category) return false;
    return offices === null || (row.officeId !== null && offices.has(row.officeId));
  });
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
  return medianOfSorted(Float64Array.from(values).sort());
}

function medianOfSorted(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The rows' instants read once, a column each (NaN: none), for the aggregates of many groups. */
interface Columns {
  readonly status: readonly ReportStatus[];
  readonly submitted: Float64Array;
  readonly done: Record<Step, Float64Array>;
  readonly due: Record<Step, Float64Array>;
}

function columns(rows: readonly StatisticsRow[]): Columns {
  const column = (attribute: keyof StatisticsRow) => Float64Array.from(rows, (row) => toMillis(row[attribute] as Instant) ?? Number.NaN);
  const done = {} as Record<Step, Float64Array>;
  const due = {} as Record<Step, Float64Array>;
  for (const step of STEP_NAMES) {
    done[step] = column(STEPS[step].done);
    due[step] = column(STEPS[step].due);
  }
  return { status: rows.map((row) => row.status), submitted: column('submittedAt'), done, due };
}

/** The aggregate of the rows at `members` (indexes into the columns). */
function aggregateOf(data: Columns, members: Int32Array): Aggregate {
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as Record<ReportStatus, number>;
  for (const index of members) byStatus[data.status[index]] += 1;
  const medianHours = {} as Record<Step, number | null>;
  const withinServiceLevel = {} as Record<Step, number | null>;
  const hours = new Float64Array(members.length);
  for (const step of STEP_NAMES) {
    const done = data.done[step];
    const due = data.due[step];
    let reached = 0;
    let measured = 0;
    let inTime = 0;
    for (const index of members) {
      const at = done[index];
      if (Number.isNaN(at)) continue;
      hours[reached++] = (at - data.submitted[index]) / HOUR;
      if (Number.isNaN(due[index])) continue;
      measured += 1;
      if (at <= due[index]) inTime += 1;
    }
    medianHours[step] = round(medianOfSorted(hours.subarray(0, reached).sort()), 1);
    withinServiceLevel[step] = measured ? round(inTime / measured, 3) : null;
  }
  return { total: members.length, byStatus, medianHours, withinServiceLevel };
}

const everyIndex = (count: number) => Int32Array.from({ length: count }, (_, index) => index);

/** Indexes of the rows by group, the rows whose key is `null` in none. */
function groupBy(count: number, key: (index: number) => string | null): [string, Int32Array][] {
  const groups = new Map<string, number[]>();
  for (let index = 0; index < count; index++) {
    const value = key(index);
    if (value === null) continue;
    const group = groups.get(value);
    if (group) group.push(index);
    else groups.set(value, [index]);
  }
  return [...groups].map(([value, members]) => [value, Int32Array.from(members)]);
}

/** Every figure over `rows`, as staff see them. */
export function computeStatistics(rows: readonly StatisticsRow[]): Statistics {
  const data = columns(rows);
  const names = new Map<string, string>();
  for (const row of rows) if (row.category) names.set(row.category.slug, row.category.name);
  return {
    ...aggregateOf(data, everyIndex(rows.length)),
    byCategory: groupBy(rows.length, (index) => rows[index].category?.slug ?? null)
      .map(([slug, members]) => ({ slug, name: names.get(slug) ?? slug, ...aggregateOf(data, members) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byOffice: groupBy(rows.length, (index) => rows[index].office?.name ?? null)
      .map(([name, members]) => ({ name, ...aggregateOf(data, members) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byMonth: groupBy(rows.length, (index) => romeDay(data.submitted[index]).slice(0, 7))
      .map(([month, members]) => ({ month, ...aggregateOf(data, members) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/** The public figures: the same, over the reports of publishable cells only. */
export const computePublicStatistics = (rows: readonly StatisticsRow[]): Statistics => computeStatistics(inPublishableCells(rows));
