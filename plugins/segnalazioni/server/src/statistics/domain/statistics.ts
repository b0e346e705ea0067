import { REPORT_STATUSES, type ReportStatus } from '../../workflow/domain/lifecycle';
import { CELL_COUNTERS, NONE, STEP_NAMES, type CellCounter, type Step } from './statistics-facts';

/**
 * Aggregates for the institutional site and the staff: counts by status, median times to take in
 * charge, to first answer and to close, and the share of each step done within its deadline —
 * overall, by category, by office and by month. Aggregates only: no report, no person. They are
 * read from the maintained cells and histograms (statistics-facts.ts) already summed by month ×
 * category × office × status, and by group for the medians; this puts them together.
 */

export interface Aggregate {
  readonly total: number;
  readonly byStatus: Record<ReportStatus, number>;
  /** Median hours from submission to each step, among the reports that reached it (durations rounded: `durationTenths`). */
  readonly medianHours: Record<Step, number | null>;
  /** Share (0–1) of the reports that reached a step with a deadline and reached it in time. */
  readonly withinServiceLevel: Record<Step, number | null>;
}

export interface Statistics extends Aggregate {
  readonly byCategory: (Aggregate & { readonly slug: string; readonly name: string })[];
  readonly byOffice: (Aggregate & { readonly name: string })[];
  readonly byMonth: (Aggregate & { readonly month: string })[];
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

/** The groups a figure is given for; `all` is the whole selection. */
export type Grouping = 'all' | 'category' | 'office' | 'month';

/** Cells of the selection summed by month (`YYYY-MM`) × category × office × status. */
export interface CellSum {
  readonly month: string;
  readonly categoryId: number;
  readonly officeId: number;
  readonly status: ReportStatus;
  readonly counters: Readonly<Record<CellCounter, number>>;
}

/**
 * A value of a group's histogram of a step's durations where its median lies: `below` durations
 * are shorter, `upto` are this long or shorter, of `total`. (One or two such rows per group and step.)
 */
export interface MedianRank {
  readonly grouping: Grouping;
  /** The category id, office id or month; '' for `all`. */
  readonly key: string;
  readonly step: Step;
  readonly tenths: number;
  readonly below: number;
  readonly upto: number;
  readonly total: number;
}

/** The ranks (1-based) whose values a median of `total` values averages. */
export const medianRanks = (total: number): [number, number] => [Math.floor((total + 1) / 2), Math.floor(total / 2) + 1];

/** The median in hours of a group's step, from its rows of `MedianRank` (none: no duration). */
export function medianOfRanks(ranks: readonly MedianRank[]): number | null {
  if (ranks.length === 0) return null;
  const at = (rank: number) => ranks.find(({ below, upto }) => below < rank && rank <= upto)?.tenths;
  const [first, second] = medianRanks(ranks[0].total).map(at);
  if (first === undefined || second === undefined) return null;
  return round((first + second) / 20, 1);
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

type Counters = Record<CellCounter, number>;
const noCounters = () => Object.fromEntries(CELL_COUNTERS.map((counter) => [counter, 0])) as Counters;

interface Group {
  counters: Counters;
  byStatus: Record<ReportStatus, number>;
}

function aggregateOf(group: Group | undefined, medians: Map<string, MedianRank[]>, grouping: Grouping, key: string): Aggregate {
  const counters = group?.counters ?? noCounters();
  const medianHours = {} as Record<Step, number | null>;
  const withinServiceLevel = {} as Record<Step, number | null>;
  for (const step of STEP_NAMES) {
    medianHours[step] = medianOfRanks(medians.get(`${grouping}|${key}|${step}`) ?? []);
    const measured = counters[`${step}Measured`];
    withinServiceLevel[step] = measured ? round(counters[`${step}InTime`] / measured, 3) : null;
  }
  const byStatus = group?.byStatus ?? (Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as Record<ReportStatus, number>);
  return { total: counters.reports, byStatus: { ...byStatus }, medianHours, withinServiceLevel };
}

export interface Names {
  readonly categories: ReadonlyMap<number, { readonly slug: string; readonly name: string }>;
  readonly offices: ReadonlyMap<number, { readonly name: string }>;
}

/**
 * The figures of a selection from its cell sums and median ranks. Categories and offices are given
 * by name (a report of none counts in the totals and months only), each list in Italian order.
 */
export function assembleStatistics(sums: readonly CellSum[], ranks: readonly MedianRank[], names: Names): Statistics {
  const groups = new Map<string, Group>();
  const into = (name: string, sum: CellSum) => {
    let group = groups.get(name);
    if (!group) {
      group = { counters: noCounters(), byStatus: Object.fromEntries(REPORT_STATUSES.map((status) => [status, 0])) as Record<ReportStatus, number> };
      groups.set(name, group);
    }
    for (const counter of CELL_COUNTERS) group.counters[counter] += sum.counters[counter];
    group.byStatus[sum.status] += sum.counters.reports;
  };
  const categories = new Set<number>();
  const offices = new Set<number>();
  const months = new Set<string>();
  for (const sum of sums) {
    if (sum.counters.reports === 0) continue;
    into('all|', sum);
    into(`month|${sum.month}`, sum);
    months.add(sum.month);
    if (sum.categoryId !== NONE && names.categories.has(sum.categoryId)) {
      into(`category|${sum.categoryId}`, sum);
      categories.add(sum.categoryId);
    }
    if (sum.officeId !== NONE && names.offices.has(sum.officeId)) {
      into(`office|${sum.officeId}`, sum);
      offices.add(sum.officeId);
    }
  }
  const medians = new Map<string, MedianRank[]>();
  for (const rank of ranks) {
    const name = `${rank.grouping}|${rank.key}|${rank.step}`;
    medians.set(name, [...(medians.get(name) ?? []), rank]);
  }
  const aggregate = (grouping: Grouping, key: string) => aggregateOf(groups.get(`${grouping}|${key}`), medians, grouping, key);
  return {
    ...aggregate('all', ''),
    byCategory: [...categories]
      .map((id) => {
        const { slug, name } = names.categories.get(id) as { slug: string; name: string };
        return { slug, name, ...aggregate('category', String(id)) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byOffice: [...offices]
      .map((id) => ({ name: (names.offices.get(id) as { name: string }).name, ...aggregate('office', String(id)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    byMonth: [...months].sort().map((month) => ({ month, ...aggregate('month', month) })),
  };
}
