import { decodeCursor, encodeCursor, isWithinPagedReach, lastPagedPage } from './archive-cursor';

describe('archive cursor', () => {
  it('comes back as it was given', () => {
    const cursor = { sort: 'oldest', publishedMs: 1_764_000_000_123, id: 987_654, page: 41 } as const;
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, sort: 'newest' }))?.sort).toBe('newest');
  });

  it('refuses what the archive did not give', () => {
    const forged = (text: string) => Buffer.from(text).toString('base64url');
    for (const text of [
      '',
      'not a cursor',
      '%%%',
      forged('x.1.2.3'),
      forged('n.1.2.1'),
      forged('n.1.0.2'),
      forged('n.-1.2.2'),
      forged('n.1.2.2.extra'),
      forged('n.1e3.2.2'),
      forged(`n.${'9'.repeat(16)}.2.2`),
      'A'.repeat(65),
    ]) {
      expect(decodeCursor(text)).toBeNull();
    }
  });

  it('bounds page numbers to the first 10,000 reports', () => {
    expect(isWithinPagedReach(400, 25)).toBe(true);
    expect(isWithinPagedReach(401, 25)).toBe(false);
    expect(isWithinPagedReach(100, 100)).toBe(true);
    expect(isWithinPagedReach(101, 100)).toBe(false);
    expect([lastPagedPage(25), lastPagedPage(12), lastPagedPage(100), lastPagedPage(1)]).toEqual([400, 834, 100, 10000]);
    expect(isWithinPagedReach(834, 12)).toBe(true);
    expect(isWithinPagedReach(835, 12)).toBe(false);
  });
});
