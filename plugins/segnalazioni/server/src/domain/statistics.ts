import { REPORT_STATUSES, type ReportStatus } from './lifecycle';
import type { ReportRecord } from './report-record';

/**
 * Aggregates for the institutional site and the staff: counts by status, median times to take in
 * charge, to first answer and to close, and the share of each step done within its deadline —
 * overall, by category, by office and by month. Aggregates only: no report, no person.
 */

export interface StatisticsRow
  extends Pick<ReportRecord, 'status' | 'submittedAt' | 'takenInChargeAt' | 'firstAnsweredAt' | 'closedAt' | 'dueTakeInChargeAt' | 'dueFirstAnswerAt' | 'dueCloseAt'> {
  readonly category?: { readonly slug: string; readonly name: string } | null;
  readonly office?: { readonly name: string } | null;
}

type Step = 'takeInCharge' | 'firstAnswer' | 'close';

const STEPS: Record<Step, { done: keyof StatisticsRow; due: keyof StatisticsRow }> = {
  takeInCharge: { done: 'takenInChargeAt', due: 'dueTakeInChargeAt' },
  firstAnswer: { done: 'firstAnsweredAt', due: 'dueFirstAnswerAt' },
  close: { done: 'closedAt', due: 'dueCloseAt' },
};

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

const time = (value: unknown) => (typeof value === 'string' && value ? new Date(value).getTime() : null);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

export function aggregate(rows: readonly StatisticsRow[]): Aggregate {
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as Record<ReportStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  const medianHours = {} as Record<Step, number | null>;
  const withinServiceLevel = {} as Record<Step, number | null>;
  for (const [step, { done, due }] of Object.entries(STEPS) as [Step, (typeof STEPS)[Step]][]) {
    const reached = rows.filter((row) => time(row[done]) !== null);
    medianHours[step] = round(median(reached.map((row) => ((time(row[done]) as number) - (time(row.submittedAt) as number)) / 3_600_000)), 1);
    const measured = reached.filter((row) => time(row[due]) !== null);
    withinServiceLevel[step] = measured.length
      ? round(measured.filter((row) => (time(row[done]) as number) <= (time(row[due]) as number)).length / measured.length, 3)
      : null;
  }
  return { total: rows.length, byStatus, medianHours, withinServiceLevel };
}

const monthFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' });

/** `YYYY-MM` of the submission, in Rome. */
export const monthOf = (row: StatisticsRow) => monthFormatter.format(new Date(row.submittedAt)).slice(0, 7);

function groupBy<K extends string>(rows: readonly StatisticsRow[], key: (row: StatisticsRow) => K | null): Map<K, StatisticsRow[]> {
  const groups = new Map<K, StatisticsRow[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null) continue;
    groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return groups;
}

export function computeStatistics(rows: readonly StatisticsRow[]): Statistics {
  const names = new Map(rows.flatMap((row) => (row.category ? [[row.category.slug, row.category.name] as const] : [])));
  return {
    ...aggregate(rows),
    byCategory: [...groupBy(rows, (row) => row.category?.slug ?? null)]
      .map(([slug, group]) => ({ slug, name: names.get(slug) ?? slug, ...aggregate(group) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byOffice: [...groupBy(rows, (row) => row.office?.name ?? null)]
      .map(([name, group]) => ({ name, ...aggregate(group) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byMonth: [...groupBy(rows, monthOf)].map(([month, group]) => ({ month, ...aggregate(group) })).sort((a, b) => a.month.localeCompare(b.month)),
  };
}
