import { randomReports } from '../../../../../../tests/helpers/statistics-reference';
import { Contributions, factOf, type Moves, type StatisticsFact } from './statistics-facts';
import { crossingPairs, dayCategoryDeltas, dayCategoryName, isKept, monthMoves, monthOf, type DayCategoryTotal, type MonthMoves } from './statistics-rollup';
import { rangeParts } from './statistics-range';

/** A store of day and month aggregates, moved as statistics-cells.ts moves the tables. */
class Store {
  readonly dayCells = new Map<string, { key: Moves['cells'][number]['key']; delta: Record<string, number> }>();
  readonly dayDurations = new Map<string, { key: Moves['durations'][number]['key']; delta: number }>();
  readonly months = new Map<string, number>();

  apply(moves: Moves): void {
    const totals = new Map<string, DayCategoryTotal>(
      dayCategoryDeltas(moves).map(({ key, reports }) => [dayCategoryName(key), { after: this.total(key.day, key.categoryId) + reports, delta: reports }]),
    );
    for (const { key, delta } of moves.cells) {
      const name = JSON.stringify(key);
      const cell = this.dayCells.get(name) ?? { key, delta: Object.fromEntries(Object.keys(delta).map((counter) => [counter, 0])) };
      for (const [counter, value] of Object.entries(delta)) cell.delta[counter] += value;
      this.dayCells.set(name, cell);
    }
    for (const { key, delta } of moves.durations) {
      const name = JSON.stringify(key);
      this.dayDurations.set(name, { key, delta: (this.dayDurations.get(name)?.delta ?? 0) + delta });
    }
    const crossing = new Set(crossingPairs(totals));
    const contents: Moves = {
      cells: [...this.dayCells.values()].filter(({ key }) => crossing.has(dayCategoryName(key))) as Moves['cells'],
      durations: [...this.dayDurations.values()].filter(({ key }) => crossing.has(dayCategoryName(key))),
    };
    this.addMonths(monthMoves(moves, totals, contents));
  }

  total(day: string, categoryId: number): number {
    let total = 0;
    for (const { key, delta } of this.dayCells.values()) if (key.day === day && key.categoryId === categoryId) total += delta.reports;
    return total;
  }

  private addMonths(moves: MonthMoves): void {
    for (const { key, delta } of moves.cells) for (const [counter, value] of Object.entries(delta)) this.bump(`${JSON.stringify(key)}|${counter}`, value);
    for (const { key, delta } of moves.durations) this.bump(JSON.stringify(key), delta);
  }

  private bump(name: string, value: number) {
    const sum = (this.months.get(name) ?? 0) + value;
    if (sum === 0) this.months.delete(name);
    else this.months.set(name, sum);
  }

  /** The months as a rollup from nothing of today's day cells would make them. */
  expectedMonths(): Map<string, number> {
    const fresh = new Store();
    const moves: Moves = { cells: [...this.dayCells.values()] as Moves['cells'], durations: [...this.dayDurations.values()] };
    fresh.apply(moves);
    return fresh.months;
  }
}

const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));

describe('monthly rollups of the day cells', () => {
  const facts: StatisticsFact[] = randomReports(600, { seed: 3, days: 20 }).map((row, i) =>
    factOf({ ...row, categoryId: row.category ? 1 + (i % 3) : null, officeId: row.office ? 1 + (i % 2) : null }),
  );

  it('keep in the public months exactly the (day, category) cells of five or more, through every change', () => {
    const store = new Store();
    const current = new Map<number, StatisticsFact>();
    let random = 17;
    const next = () => (random = (random * 48271) % 2147483647) / 2147483647;
    let crossings = 0;
    for (let step = 0; step < 3000; step++) {
      const id = Math.floor(next() * facts.length);
      const old = current.get(id);
      // Reports come, go, and move to another day, category or status, one or a few in a transaction.
      const now = next() < 0.2 ? undefined : { ...facts[Math.floor(next() * facts.length)], categoryId: Math.floor(next() * 4) };
      const contributions = new Contributions();
      if (old) contributions.add(old, -1);
      if (now) contributions.add(now, 1);
      const moves = contributions.moves();
      const before = dayCategoryDeltas(moves).map(({ key }) => isKept(store.total(key.day, key.categoryId)));
      store.apply(moves);
      const after = dayCategoryDeltas(moves).map(({ key }) => isKept(store.total(key.day, key.categoryId)));
      crossings += before.filter((kept, i) => kept !== after[i]).length;
      if (now) current.set(id, now);
      else current.delete(id);
    }
    expect(crossings).toBeGreaterThan(100);
    expect(sorted(store.months)).toEqual(sorted(store.expectedMonths()));
    const publicReports = [...store.months].filter(([name]) => name.includes('"audience":"public"') && name.endsWith('|reports'));
    const keptReports = [...store.dayCells.values()]
      .filter(({ key }) => isKept(store.total(key.day, key.categoryId)))
      .reduce((sum, { delta }) => sum + delta.reports, 0);
    expect(publicReports.reduce((sum, [, n]) => sum + n, 0)).toBe(keptReports);
    const staffReports = [...store.months].filter(([name]) => name.includes('"audience":"staff"') && name.endsWith('|reports'));
    expect(staffReports.reduce((sum, [, n]) => sum + n, 0)).toBe(current.size);
  });

  it('names every (day, category) a change touches, in key order, even when its count does not move', () => {
    const fact = facts[0];
    const moves = new Contributions()
      .add(fact, -1)
      .add({ ...fact, status: fact.status === 'closed' ? 'submitted' : 'closed' }, 1)
      .moves();
    expect(dayCategoryDeltas(moves)).toEqual([{ key: { day: fact.day, categoryId: fact.categoryId }, reports: 0 }]);
    expect(monthOf('2026-03-31')).toBe('2026-03');
  });
});

describe('a period as whole months and day ranges', () => {
  it('reads whole months from the rollups and only the part-months at the ends from the days', () => {
    expect(rangeParts()).toEqual({ months: {}, days: [] });
    expect(rangeParts('2025-03-30', '2025-10-26')).toEqual({
      months: { from: '2025-04', to: '2025-09' },
      days: [
        { from: '2025-03-30', to: '2025-03-31' },
        { from: '2025-10-01', to: '2025-10-26' },
      ],
    });
    expect(rangeParts('2025-04-01', '2025-09-30')).toEqual({ months: { from: '2025-04', to: '2025-09' }, days: [] });
    expect(rangeParts('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02', to: '2024-02' }, days: [] });
    expect(rangeParts('2025-02-01', '2025-02-27')).toEqual({ months: null, days: [{ from: '2025-02-01', to: '2025-02-27' }] });
    expect(rangeParts('2025-03-15', '2025-04-10')).toEqual({
      months: null,
      days: [
        { from: '2025-03-15', to: '2025-03-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
    expect(rangeParts('2025-12-15')).toEqual({ months: { from: '2026-01' }, days: [{ from: '2025-12-15', to: '2025-12-31' }] });
    expect(rangeParts(undefined, '2026-01-10')).toEqual({ months: { to: '2025-12' }, days: [{ from: '2026-01-01', to: '2026-01-10' }] });
    expect(rangeParts('2026-01-01')).toEqual({ months: { from: '2026-01' }, days: [] });
  });

  it('covers every day of the period exactly once', () => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    for (let a = 0; a < 420; a += 7)
      for (let b = a; b < a + 80; b += 3) {
        const [from, to] = [day(a), day(b)];
        const { months, days } = rangeParts(from, to);
        const covered: string[] = [];
        for (let n = a - 40; n <= b + 40; n++) {
          const d = day(n);
          const inMonths = months !== null && (!months.from || monthOf(d) >= months.from) && (!months.to || monthOf(d) <= months.to);
          const inDays = days.filter((range) => d >= range.from && d <= range.to).length;
          if (inMonths && inDays) throw new Error(`${d} twice for ${from}–${to}`);
          if (inMonths || inDays) covered.push(d);
        }
        expect([covered[0], covered[covered.length - 1], covered.length]).toEqual([from, to, b - a + 1]);
      }
  });
});
