import { CELL_COUNTERS, inKeyOrder, type CellCounter, type CellKey, type DurationKey, type Moves } from './statistics-facts';
import { MIN_CELL_REPORTS } from './statistics';

/**
 * Monthly rollups of the day aggregates, so that a query reads whole months from a table of
 * months and day cells only for the part-months at its ends. Staff see every report, so their
 * months hold every day cell. The public's months hold only the (day, category) cells the
 * small-cell rule keeps (MIN_CELL_REPORTS), so a public month is exactly the sum of the kept day
 * cells a day query would read: when a (day, category) crosses the threshold, its whole content
 * enters or leaves the public months; while it stays kept, its changes pass through.
 */

export type Audience = 'public' | 'staff';
export const AUDIENCES: readonly Audience[] = ['public', 'staff'];

/** `YYYY-MM` of a `YYYY-MM-DD` day. */
export const monthOf = (day: string) => day.slice(0, 7);

export interface DayCategory {
  readonly day: string;
  readonly categoryId: number;
}

export const dayCategoryName = ({ day, categoryId }: DayCategory) => `${day}|${categoryId}`;

export interface MonthCellKey extends Omit<CellKey, 'day'> {
  readonly audience: Audience;
  readonly month: string;
}

export interface MonthDurationKey extends Omit<DurationKey, 'day'> {
  readonly audience: Audience;
  readonly month: string;
}

export interface MonthMoves {
  readonly cells: { readonly key: MonthCellKey; readonly delta: Readonly<Record<CellCounter, number>> }[];
  readonly durations: { readonly key: MonthDurationKey; readonly delta: number }[];
}

/** The reports a (day, category) gains or loses with `moves`: every pair they touch, net zero included, in key order. */
export function dayCategoryDeltas(moves: Moves): { readonly key: DayCategory; readonly reports: number }[] {
  const deltas = new Map<string, { key: DayCategory; reports: number }>();
  const touch = ({ day, categoryId }: DayCategory, reports: number) => {
    const name = dayCategoryName({ day, categoryId });
    const entry = deltas.get(name) ?? { key: { day, categoryId }, reports: 0 };
    entry.reports += reports;
    deltas.set(name, entry);
  };
  for (const { key, delta } of moves.cells) touch(key, delta.reports);
  for (const { key } of moves.durations) touch(key, 0);
  return inKeyOrder(deltas, () => true);
}

/** A (day, category)'s reports after the moves, and what the moves changed of them. */
export interface DayCategoryTotal {
  readonly after: number;
  readonly delta: number;
}

export const isKept = (reports: number) => reports >= MIN_CELL_REPORTS;

/** The pairs whose public standing the moves change: their whole content must enter or leave the public months. */
export const crossingPairs = (totals: ReadonlyMap<string, DayCategoryTotal>): string[] =>
  [...totals].filter(([, { after, delta }]) => isKept(after) !== isKept(after - delta)).map(([name]) => name);

/**
 * What the day moves do to the months. `totals` has every pair the moves touch; `contents` is
 * the whole content, after the moves, of the pairs in `crossingPairs` (as moves from nothing).
 * Public: a pair's content counts while it is kept, so it adds (kept after − kept before) × its
 * content after, plus its moves if it was kept before (content before = content after − moves).
 */
export function monthMoves(moves: Moves, totals: ReadonlyMap<string, DayCategoryTotal>, contents: Moves): MonthMoves {
  const cells = new Map<string, { key: MonthCellKey; delta: Record<CellCounter, number> }>();
  const durations = new Map<string, { key: MonthDurationKey; delta: number }>();
  const addCell = (audience: Audience, { day, ...key }: CellKey, delta: Readonly<Record<CellCounter, number>>, factor: number) => {
    const monthKey: MonthCellKey = { audience, month: monthOf(day), ...key };
    const name = `${audience}|${monthKey.month}|${key.categoryId}|${key.officeId}|${key.status}`;
    let cell = cells.get(name);
    if (!cell) {
      cell = { key: monthKey, delta: Object.fromEntries(CELL_COUNTERS.map((counter) => [counter, 0])) as Record<CellCounter, number> };
      cells.set(name, cell);
    }
    for (const counter of CELL_COUNTERS) cell.delta[counter] += factor * delta[counter];
  };
  const addDuration = (audience: Audience, { day, ...key }: DurationKey, delta: number, factor: number) => {
    const monthKey: MonthDurationKey = { audience, month: monthOf(day), ...key };
    const name = `${audience}|${monthKey.month}|${key.categoryId}|${key.officeId}|${key.step}|${key.tenths}`;
    const duration = durations.get(name) ?? { key: monthKey, delta: 0 };
    duration.delta += factor * delta;
    durations.set(name, duration);
  };
  const standing = (key: DayCategory) => {
    const total = totals.get(dayCategoryName(key));
    if (!total) throw new Error(`No total for the day cell ${dayCategoryName(key)}`);
    return { before: isKept(total.after - total.delta), after: isKept(total.after) };
  };
  const apply = (source: Moves, factorOf: (kept: { before: boolean; after: boolean }) => { staff: number; public: number }) => {
    for (const { key, delta } of source.cells) {
      const factor = factorOf(standing(key));
      if (factor.staff) addCell('staff', key, delta, factor.staff);
      if (factor.public) addCell('public', key, delta, factor.public);
    }
    for (const { key, delta } of source.durations) {
      const factor = factorOf(standing(key));
      if (factor.staff) addDuration('staff', key, delta, factor.staff);
      if (factor.public) addDuration('public', key, delta, factor.public);
    }
  };
  apply(moves, (kept) => ({ staff: 1, public: kept.before ? 1 : 0 }));
  apply(contents, (kept) => ({ staff: 0, public: Number(kept.after) - Number(kept.before) }));
  return {
    cells: inKeyOrder(cells, ({ delta }) => CELL_COUNTERS.some((counter) => delta[counter] !== 0)),
    durations: inKeyOrder(durations, ({ delta }) => delta !== 0),
  };
}
