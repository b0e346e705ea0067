import { randomReports, referencePublishable, referenceStatistics, type ReferenceRow } from '../../../../../../tests/helpers/statistics-reference';
import { romeDay } from './instants';
import { assembleStatistics, medianOfRanks, medianRanks, MIN_CELL_REPORTS, type CellSum, type Grouping, type MedianRank, type Names } from './statistics';
import { Contributions, durationTenths, factOf, NONE, sameFact, STEP_NAMES, type Moves, type StatisticsFact } from './statistics-facts';

const HOUR = 3_600_000;

describe('a report as the statistics count it', () => {
  it('rounds durations to the tenth of an hour below ten hours, to two significant figures above', () => {
    expect(durationTenths(0)).toBe(0);
    expect(durationTenths(2 * 60_000)).toBe(0);
    expect(durationTenths(3.74 * HOUR)).toBe(37);
    expect(durationTenths(9.96 * HOUR)).toBe(100);
    expect(durationTenths(37.4 * HOUR)).toBe(370);
    expect(durationTenths(374 * HOUR)).toBe(3700);
    expect(durationTenths(3_749 * HOUR)).toBe(37_000);
    // Within 5% of the duration, whatever its size.
    for (const hours of [0.5, 1.23, 10.5, 19.9, 123.4, 999, 4321])
      expect(Math.abs(durationTenths(hours * HOUR) / 10 - hours)).toBeLessThanOrEqual(Math.max(0.05, hours * 0.05));
  });

  it('takes the day in Rome, the steps reached and whether in time, and 0 for no category or office', () => {
    const fact = factOf({
      status: 'in_progress',
      submittedAt: '2026-10-31T23:30:00Z',
      takenInChargeAt: '2026-11-01T01:30:00Z',
      dueTakeInChargeAt: '2026-11-01T01:00:00Z',
      firstAnsweredAt: Date.parse('2026-11-01T23:30:00Z'),
      dueFirstAnswerAt: null,
      categoryId: 4,
      officeId: null,
    });
    expect(fact).toEqual({
      day: '2026-11-01',
      categoryId: 4,
      officeId: NONE,
      status: 'in_progress',
      steps: { takeInCharge: { tenths: 20, inTime: false }, firstAnswer: { tenths: 240, inTime: null }, close: { tenths: null, inTime: null } },
    });
    expect(sameFact(fact, { ...fact })).toBe(true);
    expect(sameFact(fact, { ...fact, status: 'closed' })).toBe(false);
  });

  it('moves the cells and histograms by the difference, each key once, in key order, nothing for no change', () => {
    const fact = (status: StatisticsFact['status'], tenths: number | null): StatisticsFact => ({
      day: '2026-11-02',
      categoryId: 2,
      officeId: 1,
      status,
      steps: {
        takeInCharge: { tenths, inTime: tenths === null ? null : true },
        firstAnswer: { tenths: null, inTime: null },
        close: { tenths: null, inTime: null },
      },
    });
    const moves = new Contributions().add(fact('submitted', null), -1).add(fact('in_charge', 30), 1).moves();
    expect(moves.cells.map(({ key, delta }) => [key.status, delta.reports, delta.takeInChargeReached, delta.takeInChargeInTime])).toEqual([
      ['in_charge', 1, 1, 1],
      ['submitted', -1, 0, 0],
    ]);
    expect(moves.durations).toEqual([{ key: { day: '2026-11-02', categoryId: 2, officeId: 1, step: 'takeInCharge', tenths: 30 }, delta: 1 }]);
    expect(new Contributions().add(fact('in_charge', 30), -1).add(fact('in_charge', 30), 1).moves()).toEqual({ cells: [], durations: [] });
  });
});

describe('medians from the ranks of a histogram', () => {
  it('averages the two middle values of an even count, takes the middle one of an odd count', () => {
    expect(medianRanks(5)).toEqual([3, 3]);
    expect(medianRanks(4)).toEqual([2, 3]);
    const rank = (tenths: number, below: number, upto: number, total: number): MedianRank => ({
      grouping: 'all',
      key: '',
      step: 'close',
      tenths,
      below,
      upto,
      total,
    });
    // Values 10, 20, 20, 40 (tenths): the 2nd and 3rd are both 20.
    expect(medianOfRanks([rank(20, 1, 3, 4)])).toBe(2);
    // Values 10, 20, 40, 40, 90, 90: the 3rd and 4th, 40 and 40; 10, 20, 40, 90: 20 and 40.
    expect(medianOfRanks([rank(40, 2, 4, 6)])).toBe(4);
    expect(medianOfRanks([rank(20, 1, 2, 4), rank(40, 2, 3, 4)])).toBe(3);
    expect(medianOfRanks([])).toBeNull();
  });
});

/**
 * What the database does with the aggregates (statistics.ts' two statements), done in memory on
 * the moves: cells summed by month × category × office × status; per group, the histogram's rows
 * around its middle. Only for comparing the whole path with the oracle.
 */
function selectInMemory(moves: Moves, publicOnly: boolean): { sums: CellSum[]; ranks: MedianRank[] } {
  const cellSizes = new Map<string, number>();
  for (const { key, delta } of moves.cells) cellSizes.set(`${key.day}|${key.categoryId}`, (cellSizes.get(`${key.day}|${key.categoryId}`) ?? 0) + delta.reports);
  const kept = (day: string, categoryId: number) => !publicOnly || (cellSizes.get(`${day}|${categoryId}`) as number) >= MIN_CELL_REPORTS;
  const sums = new Map<string, CellSum>();
  for (const { key, delta } of moves.cells) {
    if (!kept(key.day, key.categoryId)) continue;
    const name = `${key.day.slice(0, 7)}|${key.categoryId}|${key.officeId}|${key.status}`;
    const sum = sums.get(name);
    if (sum) for (const [counter, value] of Object.entries(delta)) (sum.counters as Record<string, number>)[counter] += value;
    else sums.set(name, { month: key.day.slice(0, 7), categoryId: key.categoryId, officeId: key.officeId, status: key.status, counters: { ...delta } });
  }
  const histograms = new Map<string, Map<number, number>>();
  for (const { key, delta } of moves.durations) {
    if (!kept(key.day, key.categoryId)) continue;
    const groups: [Grouping, string][] = [
      ['all', ''],
      ['month', key.day.slice(0, 7)],
      ...(key.categoryId === NONE ? [] : [['category', String(key.categoryId)] as [Grouping, string]]),
      ...(key.officeId === NONE ? [] : [['office', String(key.officeId)] as [Grouping, string]]),
    ];
    for (const [grouping, value] of groups) {
      const name = `${grouping}|${value}|${key.step}`;
      const histogram = histograms.get(name) ?? new Map<number, number>();
      histogram.set(key.tenths, (histogram.get(key.tenths) ?? 0) + delta);
      histograms.set(name, histogram);
    }
  }
  const ranks: MedianRank[] = [];
  for (const [name, histogram] of histograms) {
    const [grouping, key, step] = name.split('|') as [Grouping, string, MedianRank['step']];
    const values = [...histogram].sort(([a], [b]) => a - b);
    const total = values.reduce((sum, [, n]) => sum + n, 0);
    const [first, second] = medianRanks(total);
    let upto = 0;
    for (const [tenths, n] of values) {
      const below = upto;
      upto += n;
      if (upto >= first && below < second) ranks.push({ grouping, key, step, tenths, below, upto, total });
    }
  }
  return { sums: [...sums.values()], ranks };
}

describe('the figures, from facts to answer', () => {
  const categories = new Map<string, number>([
    ['dissesto-stradale', 1],
    ['rifiuti', 2],
    ['segnaletica', 3],
    ['zone-verdi', 4],
  ]);
  const offices = new Map<string, number>([
    ['Ufficio Strade', 1],
    ['Ufficio Ambiente', 2],
    ['URP', 3],
  ]);
  const names: Names = {
    categories: new Map(
      [...categories].map(([slug, id]) => [
        id,
        {
          slug,
          name: { 'dissesto-stradale': 'Dissesto stradale', rifiuti: 'Rifiuti', segnaletica: 'Segnaletica', 'zone-verdi': 'Zone verdi' }[slug] as string,
        },
      ]),
    ),
    offices: new Map([...offices].map(([name, id]) => [id, { name }])),
  };
  const factsOf = (rows: readonly ReferenceRow[]) =>
    rows.map((row) =>
      factOf({
        ...row,
        categoryId: row.category ? (categories.get(row.category.slug) as number) : null,
        officeId: row.office ? (offices.get(row.office.name) as number) : null,
      }),
    );
  const moves = (facts: readonly StatisticsFact[]) => {
    const contributions = new Contributions();
    for (const fact of facts) contributions.add(fact, 1);
    return contributions.moves();
  };
  const answer = (rows: readonly ReferenceRow[], publicOnly: boolean) => {
    const { sums, ranks } = selectInMemory(moves(factsOf(rows)), publicOnly);
    return assembleStatistics(sums, ranks, names);
  };

  it('gives staff the oracle’s figures of every report', () => {
    const rows = randomReports(4000, { seed: 7 });
    expect(answer(rows, false)).toEqual(referenceStatistics(rows));
  });

  it('gives the public the oracle’s figures of the reports in cells of five or more only', () => {
    const rows = randomReports(3000, { seed: 11, days: 60 });
    const kept = referencePublishable(rows, 5);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(rows.length);
    expect(answer(rows, true)).toEqual(referenceStatistics(kept));
  });

  it('adds a report and takes it away again to the same aggregates', () => {
    const rows = randomReports(200, { seed: 5 });
    const facts = factsOf(rows);
    const contributions = new Contributions();
    for (const fact of facts) contributions.add(fact, 1);
    contributions.add(facts[0], -1).add(facts[0], 1);
    expect(contributions.moves()).toEqual(moves(facts));
  });

  it('names a category or office that is gone nowhere, but counts its reports in the totals and months', () => {
    const rows = randomReports(300, { seed: 9 });
    const { sums, ranks } = selectInMemory(moves(factsOf(rows)), false);
    const withoutRifiuti: Names = { ...names, categories: new Map([...names.categories].filter(([id]) => id !== 2)) };
    const stats = assembleStatistics(sums, ranks, withoutRifiuti);
    expect(stats.total).toBe(300);
    expect(stats.byCategory.map((category) => category.slug)).not.toContain('rifiuti');
    expect(stats.byMonth.reduce((sum, month) => sum + month.total, 0)).toBe(300);
  });

  it('reads days in Rome, across midnight and daylight saving time', () => {
    expect(romeDay(Date.parse('2026-10-31T23:30:00Z'))).toBe('2026-11-01');
    expect(romeDay(Date.parse('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
    expect(romeDay(Date.parse('2026-07-31T21:30:00Z'))).toBe('2026-07-31');
    expect(STEP_NAMES).toEqual(['takeInCharge', 'firstAnswer', 'close']);
  });
});
