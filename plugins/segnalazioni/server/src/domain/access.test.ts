import { canSeeReport, officeFilter } from './access';

describe('back-office access', () => {
  const officer = { userId: 7, officeIds: [2, 3], seesEverything: false };
  const urp = { userId: 1, officeIds: [], seesEverything: true };

  it('lets an officer see the reports of their offices only', () => {
    expect(canSeeReport(officer, 2)).toBe(true);
    expect(canSeeReport(officer, 3)).toBe(true);
    expect(canSeeReport(officer, 4)).toBe(false);
    expect(canSeeReport(officer, null)).toBe(false);
    expect(officeFilter(officer)).toEqual([2, 3]);
  });

  it('lets URP see everything, the reports waiting for triage too', () => {
    expect(canSeeReport(urp, 4)).toBe(true);
    expect(canSeeReport(urp, null)).toBe(true);
    expect(officeFilter(urp)).toBeNull();
  });

  it('shows nothing to an officer of no office', () => {
    expect(canSeeReport({ userId: 9, officeIds: [], seesEverything: false }, 2)).toBe(false);
  });
});
