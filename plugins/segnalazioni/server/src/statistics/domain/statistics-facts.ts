import type { ReportStatus } from '../../workflow/domain/lifecycle';
import { romeDay, toMillis, type Instant } from './instants';

/**
 * What one report adds to the statistics (its fact), and the maintained aggregates it adds to: a
 * cell per Rome day × category × office × status (counts of reports, of steps reached, measured
 * against a deadline and done in time), and a histogram of its steps' durations per day × category
 * × office. The workflow and the intake replace a report's fact in the transaction of each change
 * (statistics/statistics-cells.ts), moving the aggregates by the difference.
 */

export const STEP_NAMES = ['takeInCharge', 'firstAnswer', 'close'] as const;
export type Step = (typeof STEP_NAMES)[number];

const STEP_INSTANTS: Record<Step, { done: keyof FactSource; due: keyof FactSource }> = {
  takeInCharge: { done: 'takenInChargeAt', due: 'dueTakeInChargeAt' },
  firstAnswer: { done: 'firstAnsweredAt', due: 'dueFirstAnswerAt' },
  close: { done: 'closedAt', due: 'dueCloseAt' },
};

/** The category or office id of a report that has none. */
export const NONE = 0;

/** A report as the statistics read it: status, instants, category and office ids. */
export interface FactSource {
  readonly status: ReportStatus;
  readonly submittedAt: Instant;
  readonly takenInChargeAt?: Instant;
  readonly firstAnsweredAt?: Instant;
  readonly closedAt?: Instant;
  readonly dueTakeInChargeAt?: Instant;
  readonly dueFirstAnswerAt?: Instant;
  readonly dueCloseAt?: Instant;
  readonly categoryId: number | null;
  readonly officeId: number | null;
}

export interface StepFact {
  /** Tenths of an hour from submission to the step (`durationTenths`); `null`: not reached. */
  readonly tenths: number | null;
  /** Whether it was reached by its deadline; `null`: not reached, or no deadline. */
  readonly inTime: boolean | null;
}

export interface StatisticsFact {
  /** Rome's calendar day of the submission, `YYYY-MM-DD`. */
  readonly day: string;
  readonly categoryId: number;
  readonly officeId: number;
  readonly status: ReportStatus;
  readonly steps: Readonly<Record<Step, StepFact>>;
}

const HOUR = 3_600_000;

/**
 * A duration in tenths of an hour, rounded to two significant figures (to the tenth below ten
 * hours: 3.7 h, 37 h, 370 h). Medians are taken over durations so rounded, so that a histogram of
 * a few hundred values per step holds them exactly: a median is off the unrounded one by less than
 * 5% of it, finer than anyone reads a figure of hours or days.
 */
export function durationTenths(milliseconds: number): number {
  const hours = milliseconds / HOUR;
  const size = Math.abs(hours);
  if (size < 10) return Math.round(hours * 10);
  const unit = 10 ** (Math.floor(Math.log10(size)) - 1);
  return Math.round(Math.round(hours / unit) * unit * 10);
}

export function factOf(source: FactSource): StatisticsFact {
  const submitted = toMillis(source.submittedAt) as number;
  const steps = {} as Record<Step, StepFact>;
  for (const step of STEP_NAMES) {
    const done = toMillis(source[STEP_INSTANTS[step].done] as Instant);
    const due = toMillis(source[STEP_INSTANTS[step].due] as Instant);
    steps[step] = done === null ? { tenths: null, inTime: null } : { tenths: durationTenths(done - submitted), inTime: due === null ? null : done <= due };
  }
  return { day: romeDay(submitted), categoryId: source.categoryId ?? NONE, officeId: source.officeId ?? NONE, status: source.status, steps };
}

export const sameFact = (a: StatisticsFact | null, b: StatisticsFact | null) => JSON.stringify(a) === JSON.stringify(b);

/** What a cell counts. */
export const CELL_COUNTERS = ['reports', ...STEP_NAMES.flatMap((step) => [`${step}Reached`, `${step}Measured`, `${step}InTime`] as const)] as const;
export type CellCounter = (typeof CELL_COUNTERS)[number];

export interface CellKey {
  readonly day: string;
  readonly categoryId: number;
  readonly officeId: number;
  readonly status: ReportStatus;
}

export interface DurationKey {
  readonly day: string;
  readonly categoryId: number;
  readonly officeId: number;
  readonly step: Step;
  readonly tenths: number;
}

/** Changes to make to the aggregates, each key once, in a fixed order (so concurrent changes never deadlock). */
export interface Moves {
  readonly cells: { readonly key: CellKey; readonly delta: Readonly<Record<CellCounter, number>> }[];
  readonly durations: { readonly key: DurationKey; readonly delta: number }[];
}

/** Sums of contributions, by key; `add` a fact `sign` times. */
export class Contributions {
  private readonly cells = new Map<string, { key: CellKey; delta: Record<CellCounter, number> }>();
  private readonly durations = new Map<string, { key: DurationKey; delta: number }>();

  add(fact: StatisticsFact, sign: number): this {
    const key: CellKey = { day: fact.day, categoryId: fact.categoryId, officeId: fact.officeId, status: fact.status };
    const name = `${key.day}|${key.categoryId}|${key.officeId}|${key.status}`;
    let cell = this.cells.get(name);
    if (!cell) {
      cell = { key, delta: Object.fromEntries(CELL_COUNTERS.map((counter) => [counter, 0])) as Record<CellCounter, number> };
      this.cells.set(name, cell);
    }
    cell.delta.reports += sign;
    for (const step of STEP_NAMES) {
      const { tenths, inTime } = fact.steps[step];
      if (tenths === null) continue;
      cell.delta[`${step}Reached`] += sign;
      if (inTime !== null) cell.delta[`${step}Measured`] += sign;
      if (inTime) cell.delta[`${step}InTime`] += sign;
      const durationName = `${fact.day}|${fact.categoryId}|${fact.officeId}|${step}|${tenths}`;
      const duration = this.durations.get(durationName);
      if (duration) duration.delta += sign;
      else this.durations.set(durationName, { key: { day: fact.day, categoryId: fact.categoryId, officeId: fact.officeId, step, tenths }, delta: sign });
    }
    return this;
  }

  /** The non-zero sums, in key order. */
  moves(): Moves {
    return {
      cells: inKeyOrder(this.cells, ({ delta }) => CELL_COUNTERS.some((counter) => delta[counter] !== 0)),
      durations: inKeyOrder(this.durations, ({ delta }) => delta !== 0),
    };
  }
}

/** The values of `map` that `keep` keeps, in the order of their names (the order every writer locks rows in). */
export const inKeyOrder = <T>(map: ReadonlyMap<string, T>, keep: (value: T) => boolean): T[] =>
  [...map]
    .filter(([, value]) => keep(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value);
