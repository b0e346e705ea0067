import { RE_ENGAGEMENT_CODE, isPermanentGraphFailure } from './graph-errors';

describe('isPermanentGraphFailure', () => {
  it.each([
    [400, RE_ENGAGEMENT_CODE],
    [400, 131026],
    [400, 100],
    [401, 190],
    [404, 132001],
    [403, null],
  ])('HTTP %i with code %s is permanent', (status, code) => {
    expect(isPermanentGraphFailure({ status, code })).toBe(true);
  });

  it.each([
    [500, 2],
    [503, null],
    [429, null],
    [400, 130429],
    [400, 131056],
    [400, 80007],
    [400, 4],
    [400, 131000],
  ])('HTTP %i with code %s is transient', (status, code) => {
    expect(isPermanentGraphFailure({ status, code })).toBe(false);
  });

  it('believes Meta when it flags an error as transient', () => {
    expect(isPermanentGraphFailure({ status: 400, code: 100, transient: true })).toBe(false);
    expect(isPermanentGraphFailure({ status: 400, code: 100, transient: false })).toBe(true);
  });
});
