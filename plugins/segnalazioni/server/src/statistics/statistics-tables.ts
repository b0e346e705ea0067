import { CELL_COUNTERS, STEP_NAMES, type CellCounter, type Step } from './domain/statistics-facts';

/** The statistics' own tables (made by database/migrations; Strapi ignores tables it did not create). */
export const STATISTICS_TABLES = {
  /** Each report's last contribution to the aggregates. */
  facts: 'segnalazioni_statistics_facts',
  /** Counts per Rome day × category × office × status. */
  cells: 'segnalazioni_statistics_cells',
  /** Steps' durations per day × category × office: how many reports took each (rounded) duration. */
  durations: 'segnalazioni_statistics_durations',
  /** Reports per day × category: the small-cell rule's count, and the row a change of the pair locks first. */
  dayTotals: 'segnalazioni_statistics_day_totals',
  /** The cells rolled up by month, per audience (statistics/domain/statistics-rollup). */
  monthCells: 'segnalazioni_statistics_month_cells',
  /** The histograms rolled up by month, per audience. */
  monthDurations: 'segnalazioni_statistics_month_durations',
  /** Raised with every change of the aggregates, in its transaction: the figures' version. */
  version: 'segnalazioni_statistics_version',
} as const;

/** A step's prefix in the columns of the facts and cells. */
export const STEP_COLUMN: Record<Step, string> = { takeInCharge: 'take', firstAnswer: 'answer', close: 'close' };

/** A cell counter's column. */
export const COUNTER_COLUMN = Object.fromEntries(
  CELL_COUNTERS.map((counter) => {
    const step = STEP_NAMES.find((name) => counter.startsWith(name));
    if (!step) return [counter, counter];
    const rest = counter.slice(step.length).replace(/[A-Z]/g, (letter, index: number) => `${index ? '_' : ''}${letter.toLowerCase()}`);
    return [counter, `${STEP_COLUMN[step]}_${rest}`];
  }),
) as Record<CellCounter, string>;
