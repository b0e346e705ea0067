import { REPORT_STATUSES, type ReportStatus } from '../../plugins/segnalazioni/server/src/workflow/domain/lifecycle';
import type { Aggregate, Statistics } from '../../plugins/segnalazioni/server/src/statistics/domain/statistics';

/**
 * The statistics as they were computed before issue 11 (straightforward): the oracle the
 * maintained aggregates are compared with (its grouping made linear, and durations rounded as
 * issue 13 keeps them, nothing else changed). Instants are ISO strings, as the Query Engine returns them.
 */
export interface ReferenceRow {
  status: ReportStatus;
  submittedAt: string;
  takenInChargeAt?: string | null;
  firstAnsweredAt?: string | null;
  closedAt?: string | null;
  dueTakeInChargeAt?: string | null;
  dueFirstAnswerAt?: string | null;
  dueCloseAt?: string | null;
  category?: { slug: string; name: string } | null;
  office?: { name: string } | null;
}

type Step = 'takeInCharge' | 'firstAnswer' | 'close';
const STEPS: Record<Step, { done: keyof ReferenceRow; due: keyof ReferenceRow }> = {
  takeInCharge: { done: 'takenInChargeAt', due: 'dueTakeInChargeAt' },
  firstAnswer: { done: 'firstAnsweredAt', due: 'dueFirstAnswerAt' },
  close: { done: 'closedAt', due: 'dueCloseAt' },
};

const time = (value: unknown) => (typeof value === 'string' && value ? new Date(value).getTime() : null);

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** A duration as the statistics keep it since issue 13: to the tenth of an hour below ten hours, else two significant figures. */
const kept = (hours: number) => (Math.abs(hours) < 10 ? Math.round(hours * 10) / 10 : Number(hours.toPrecision(2)));

function aggregate(rows: readonly ReferenceRow[]): Aggregate {
  const byStatus = Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as Record<ReportStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  const medianHours = {} as Record<Step, number | null>;
  const withinServiceLevel = {} as Record<Step, number | null>;
  for (const [step, { done, due }] of Object.entries(STEPS) as [Step, (typeof STEPS)[Step]][]) {
    const reached = rows.filter((row) => time(row[done]) !== null);
    medianHours[step] = round(median(reached.map((row) => kept(((time(row[done]) as number) - (time(row.submittedAt) as number)) / 3_600_000))), 1);
    const measured = reached.filter((row) => time(row[due]) !== null);
    withinServiceLevel[step] = measured.length
      ? round(measured.filter((row) => (time(row[done]) as number) <= (time(row[due]) as number)).length / measured.length, 3)
      : null;
  }
  return { total: rows.length, byStatus, medianHours, withinServiceLevel };
}

const monthFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' });
const monthOf = (row: ReferenceRow) => monthFormatter.format(new Date(row.submittedAt)).slice(0, 7);

function groupBy(rows: readonly ReferenceRow[], key: (row: ReferenceRow) => string | null): Map<string, ReferenceRow[]> {
  const groups = new Map<string, ReferenceRow[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null) continue;
    // Pushed, not copied as before: the oracle must answer at the sizes the tests compare.
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

export function referenceStatistics(rows: readonly ReferenceRow[]): Statistics {
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

/** The day × category cell of a row, spelled independently of the code under test. */
const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
export const referenceCell = (row: ReferenceRow) => `${dayFormatter.format(new Date(row.submittedAt))}/${row.category?.slug ?? '-'}`;

/** The rows of cells with at least `minimum` reports. */
export function referencePublishable(rows: readonly ReferenceRow[], minimum: number): ReferenceRow[] {
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(referenceCell(row), (sizes.get(referenceCell(row)) ?? 0) + 1);
  return rows.filter((row) => (sizes.get(referenceCell(row)) as number) >= minimum);
}

const CATEGORIES = [
  { slug: 'dissesto-stradale', name: 'Dissesto stradale' },
  { slug: 'rifiuti', name: 'Rifiuti' },
  { slug: 'segnaletica', name: 'Segnaletica' },
  { slug: 'zone-verdi', name: 'Zone verdi' },
];
const OFFICES = [{ name: 'Ufficio Strade' }, { name: 'Ufficio Ambiente' }, { name: 'URP' }];

/**
 * `count` reports over `days` days from `start`, with millisecond instants, some steps late, some not
 * reached, some without category or office: cells of every size, days across midnight in Rome.
 */
export function randomReports(count: number, { seed = 1, start = Date.UTC(2026, 2, 25, 21), days = 10 } = {}): ReferenceRow[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const iso = (millis: number) => new Date(millis).toISOString();
  const later = (from: number, hours: number) => from + Math.floor(random() * hours * 3_600_000);
  return Array.from({ length: count }, () => {
    const submitted = start + Math.floor(random() * days * 86_400_000);
    const status = pick(['submitted', 'in_charge', 'in_progress', 'closed', 'rejected'] as const);
    const taken = status === 'submitted' || status === 'rejected' ? null : later(submitted, 80);
    const answered = status === 'closed' || status === 'rejected' || (status === 'in_progress' && random() < 0.7) ? later(taken ?? submitted, 200) : null;
    const closed = status === 'closed' || status === 'rejected' ? later(answered ?? submitted, 400) : null;
    const due = (from: number | null, hours: number) => (from === null || random() < 0.1 ? null : iso(later(from, hours)));
    return {
      status,
      submittedAt: iso(submitted),
      takenInChargeAt: taken === null ? null : iso(taken),
      firstAnsweredAt: answered === null ? null : iso(answered),
      closedAt: closed === null ? null : iso(closed),
      dueTakeInChargeAt: due(submitted, 60),
      dueFirstAnswerAt: taken === null ? null : due(taken, 150),
      dueCloseAt: taken === null ? null : due(taken, 500),
      category: random() < 0.1 ? null : pick(CATEGORIES),
      office: random() < 0.05 ? null : pick(OFFICES),
    };
  });
}
