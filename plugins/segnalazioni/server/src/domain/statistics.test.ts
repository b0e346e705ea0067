import { computeStatistics, median, monthOf, type StatisticsRow } from './statistics';

const strade = { slug: 'dissesto-stradale', name: 'Dissesto stradale' };
const rifiuti = { slug: 'rifiuti', name: 'Rifiuti' };

/** Four reports, with every figure below worked out by hand. */
const ROWS: StatisticsRow[] = [
  // taken in charge after 2 h (in time), answered after 10 h (late), closed after 30 h (in time)
  {
    status: 'closed', category: strade, office: { name: 'Strade' }, submittedAt: '2026-10-01T08:00:00Z',
    takenInChargeAt: '2026-10-01T10:00:00Z', dueTakeInChargeAt: '2026-10-01T15:00:00Z',
    firstAnsweredAt: '2026-10-01T18:00:00Z', dueFirstAnswerAt: '2026-10-01T16:00:00Z',
    closedAt: '2026-10-02T14:00:00Z', dueCloseAt: '2026-10-10T15:00:00Z',
  },
  // taken in charge after 4 h (late), no answer yet
  {
    status: 'in_charge', category: strade, office: { name: 'Strade' }, submittedAt: '2026-10-31T23:30:00Z',
    takenInChargeAt: '2026-11-01T03:30:00Z', dueTakeInChargeAt: '2026-11-01T02:00:00Z',
  },
  // rejected after 6 h: taken in charge never, closed after 6 h
  { status: 'rejected', category: rifiuti, office: { name: 'URP' }, submittedAt: '2026-11-02T08:00:00Z', closedAt: '2026-11-02T14:00:00Z', firstAnsweredAt: '2026-11-02T14:00:00Z' },
  { status: 'submitted', category: rifiuti, office: { name: 'URP' }, submittedAt: '2026-11-03T08:00:00Z', dueTakeInChargeAt: '2026-11-03T15:00:00Z' },
];

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
    expect(stats.byOffice.map((o) => [o.name, o.total])).toEqual([['Strade', 2], ['URP', 2]]);
    // 31 October 23:30 UTC is already 1 November in Rome.
    expect(monthOf(ROWS[1])).toBe('2026-11');
    expect(stats.byMonth.map((m) => [m.month, m.total])).toEqual([['2026-10', 1], ['2026-11', 3]]);
  });
});
