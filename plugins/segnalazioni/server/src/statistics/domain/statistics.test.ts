import { randomReports, referenceCell, referencePublishable, referenceStatistics } from '../../../../../../tests/helpers/statistics-reference';
import { dayRange } from '../../common/domain/calendar-date';
import {
  cellOf,
  computePublicStatistics,
  computeStatistics,
  inPublishableCells,
  median,
  MIN_CELL_REPORTS,
  monthOf,
  romeDay,
  selectRows,
  toMillis,
  type StatisticsRow,
} from './statistics';

const INSTANTS = ['submittedAt', 'takenInChargeAt', 'firstAnsweredAt', 'closedAt', 'dueTakeInChargeAt', 'dueFirstAnswerAt', 'dueCloseAt'] as const;
const strade = { slug: 'dissesto-stradale', name: 'Dissesto stradale' };
const rifiuti = { slug: 'rifiuti', name: 'Rifiuti' };

/** Four reports, with every figure below worked out by hand. */
const ROWS: StatisticsRow[] = [
  // taken in charge after 2 h (in time), answered after 10 h (late), closed after 30 h (in time)
  {
    status: 'closed',
    category: strade,
    office: { name: 'Strade' },
    submittedAt: '2026-10-01T08:00:00Z',
    takenInChargeAt: '2026-10-01T10:00:00Z',
    dueTakeInChargeAt: '2026-10-01T15:00:00Z',
    firstAnsweredAt: '2026-10-01T18:00:00Z',
    dueFirstAnswerAt: '2026-10-01T16:00:00Z',
    closedAt: '2026-10-02T14:00:00Z',
    dueCloseAt: '2026-10-10T15:00:00Z',
  },
  // taken in charge after 4 h (late), no answer yet
  {
    status: 'in_charge',
    category: strade,
    office: { name: 'Strade' },
    submittedAt: '2026-10-31T23:30:00Z',
    takenInChargeAt: '2026-11-01T03:30:00Z',
    dueTakeInChargeAt: '2026-11-01T02:00:00Z',
  },
  // rejected after 6 h: taken in charge never, closed after 6 h
  {
    status: 'rejected',
    category: rifiuti,
    office: { name: 'URP' },
    submittedAt: '2026-11-02T08:00:00Z',
    closedAt: '2026-11-02T14:00:00Z',
    firstAnsweredAt: '2026-11-02T14:00:00Z',
  },
  { status: 'submitted', category: rifiuti, office: { name: 'URP' }, submittedAt: '2026-11-03T08:00:00Z', dueTakeInChargeAt: '2026-11-03T15:00:00Z' },
];

/** `count` reports of one category submitted at `iso`, each a second apart. */
const cell = (count: number, iso: string, category: { slug: string; name: string } | null): StatisticsRow[] =>
  Array.from({ length: count }, (_, i) => ({
    status: 'submitted',
    category,
    office: { name: 'URP' },
    submittedAt: new Date(Date.parse(iso) + i * 1000).toISOString(),
  }));

describe('statistics', () => {
  it('takes the median of odd and even lists, and nothing of none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('counts by status, and measures medians and service levels overall', () => {
    const stats = computeStatistics(ROWS);
    expect(stats.total).toBe(4);
    expect(stats.byStatus).toEqual({ submitted: 1, in_charge: 1, in_progress: 0, closed: 1, rejected: 1 });
    expect(stats.medianHours).toEqual({ takeInCharge: 3, firstAnswer: 8, close: 18 });
    expect(stats.withinServiceLevel).toEqual({ takeInCharge: 0.5, firstAnswer: 0, close: 1 });
  });

  it('groups by category, office and month (in Rome time)', () => {
    const stats = computeStatistics(ROWS);
    expect(stats.byCategory.map((c) => [c.name, c.total, c.medianHours.takeInCharge])).toEqual([
      ['Dissesto stradale', 2, 3],
      ['Rifiuti', 2, null],
    ]);
    expect(stats.byOffice.map((o) => [o.name, o.total])).toEqual([
      ['Strade', 2],
      ['URP', 2],
    ]);
    // 31 October 23:30 UTC is already 1 November in Rome.
    expect(monthOf(ROWS[1])).toBe('2026-11');
    expect(stats.byMonth.map((m) => [m.month, m.total])).toEqual([
      ['2026-10', 1],
      ['2026-11', 3],
    ]);
  });

  it('gives the very figures of the former computation, from ISO text or from milliseconds, in linear-logarithmic time', () => {
    const rows = randomReports(4000, { seed: 7 });
    expect(computeStatistics(rows)).toEqual(referenceStatistics(rows));
    const asMillis = rows.map((row) => ({
      ...row,
      submittedAt: toMillis(row.submittedAt),
      closedAt: toMillis(row.closedAt),
      takenInChargeAt: new Date(row.takenInChargeAt ?? NaN),
    }));
    expect(computeStatistics(asMillis)).toEqual(referenceStatistics(rows));
    // Instants as the database drivers give them to the service.
    const large = randomReports(100_000, { seed: 3, days: 700 }).map((row) => ({
      ...row,
      ...Object.fromEntries(INSTANTS.map((name) => [name, toMillis(row[name])])),
    })) as StatisticsRow[];
    const started = Date.now();
    computeStatistics(large);
    computePublicStatistics(large);
    // The former computation copied each group once per row: minutes at this size, on any machine.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('reads days in Rome, across midnight and daylight saving time', () => {
    expect(romeDay(Date.parse('2026-10-31T23:30:00Z'))).toBe('2026-11-01');
    expect(romeDay(Date.parse('2026-07-31T22:30:00Z'))).toBe('2026-08-01');
    expect(romeDay(Date.parse('2026-07-31T21:30:00Z'))).toBe('2026-07-31');
  });
});

describe('what a query selects', () => {
  const rows = [
    { ...cell(1, '2026-10-31T22:59:59Z', strade)[0], officeId: 1 }, // 31 October in Rome
    { ...cell(1, '2026-10-31T23:00:00Z', strade)[0], officeId: 1 }, // 1 November in Rome
    { ...cell(1, '2026-11-30T22:59:59Z', rifiuti)[0], officeId: 2 }, // 30 November
    { ...cell(1, '2026-11-30T23:00:00Z', rifiuti)[0], officeId: null }, // 1 December, no office yet
  ];
  it('takes whole calendar days in Rome, a category, the offices of a scope', () => {
    expect(selectRows(rows, { from: '2026-11-01', to: '2026-11-30' })).toEqual([rows[1], rows[2]]);
    expect(selectRows(rows, { category: 'rifiuti' })).toEqual([rows[2], rows[3]]);
    expect(selectRows(rows, { offices: [1] })).toEqual([rows[0], rows[1]]);
    expect(selectRows(rows, { offices: [] })).toEqual([]);
    expect(selectRows(rows, { offices: null })).toEqual(rows);
  });
});

describe('the small-cell rule of the public figures', () => {
  it('leaves out every report of a day × category cell of fewer than five, and keeps a cell of five', () => {
    expect(MIN_CELL_REPORTS).toBe(5);
    const rows = [
      ...cell(4, '2026-11-02T09:00:00Z', strade), // 4: out
      ...cell(5, '2026-11-02T09:00:00Z', rifiuti), // 5: in
      ...cell(4, '2026-11-03T09:00:00Z', rifiuti), // same category, another day: out
      ...cell(6, '2026-11-03T09:00:00Z', null), // no category yet: a cell of its own, in
    ];
    const stats = computePublicStatistics(rows);
    expect(stats.total).toBe(11);
    expect(stats.byCategory.map((c) => [c.slug, c.total])).toEqual([['rifiuti', 5]]);
    expect(stats.byOffice.map((o) => [o.name, o.total])).toEqual([['URP', 11]]);
    expect(computeStatistics(rows).total).toBe(19);
  });

  it('counts a cell by the day in Rome: 23:30 UTC belongs to the next day', () => {
    const rows = [...cell(3, '2026-11-01T23:30:00Z', strade), ...cell(2, '2026-11-02T08:00:00Z', strade)];
    expect(new Set(rows.map(cellOf)).size).toBe(1);
    expect(computePublicStatistics(rows).total).toBe(5);
    const split = [...cell(3, '2026-11-01T22:30:00Z', strade), ...cell(2, '2026-11-02T08:00:00Z', strade)];
    expect(computePublicStatistics(split).total).toBe(0);
  });

  it('publishes the figures of the kept reports exactly as the former computation would', () => {
    const rows = randomReports(3000, { seed: 11, days: 60 });
    const kept = referencePublishable(rows, 5);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(rows.length);
    expect(inPublishableCells(rows)).toEqual(kept);
    expect(computePublicStatistics(rows)).toEqual(referenceStatistics(kept));
  });

  it('lets no two public queries differ by part of a cell: every figure is a sum over whole kept cells', () => {
    const rows = randomReports(1500, { seed: 5, days: 30 });
    const days = [...new Set(rows.map((row) => romeDay(Date.parse(row.submittedAt))))].sort();
    // The service selects a period as these bounds; here the same selection is made in memory.
    const within = (from: string, to: string) => {
      const { since, until } = dayRange({ from, to });
      return rows.filter((row) => Date.parse(row.submittedAt) >= (since as Date).getTime() && Date.parse(row.submittedAt) < (until as Date).getTime());
    };
    const dayTotals = new Map(days.map((day) => [day, computePublicStatistics(within(day, day)).total]));
    for (const [day, total] of dayTotals) {
      const cells = new Map<string, number>();
      for (const row of within(day, day)) cells.set(referenceCell(row), (cells.get(referenceCell(row)) ?? 0) + 1);
      expect(total).toBe([...cells.values()].filter((size) => size >= 5).reduce((sum, size) => sum + size, 0));
    }
    for (let i = 0; i < days.length; i += 3) {
      for (let j = i; j < days.length; j += 4) {
        const period = computePublicStatistics(within(days[i], days[j])).total;
        expect(period).toBe(days.slice(i, j + 1).reduce((sum, day) => sum + (dayTotals.get(day) as number), 0));
      }
    }
  });
});
