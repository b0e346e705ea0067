import { formatProtocolNumber, parseProtocolNumber, protocolYear } from './protocol-number';

describe('protocol numbers', () => {
  it('are formatted as YYYY/NNNNNN', () => {
    expect(formatProtocolNumber({ year: 2026, sequence: 1 })).toBe('2026/000001');
    expect(formatProtocolNumber({ year: 2026, sequence: 123456 })).toBe('2026/123456');
    expect(formatProtocolNumber({ year: 2027, sequence: 999999 })).toBe('2027/999999');
  });

  it('refuse sequences and years out of range', () => {
    expect(() => formatProtocolNumber({ year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => formatProtocolNumber({ year: 2026, sequence: 1_000_000 })).toThrow(RangeError);
    expect(() => formatProtocolNumber({ year: 2026, sequence: 1.5 })).toThrow(RangeError);
    expect(() => formatProtocolNumber({ year: 26, sequence: 1 })).toThrow(RangeError);
  });

  it('parse back what they format, and nothing else', () => {
    expect(parseProtocolNumber('2026/000042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseProtocolNumber(' 2026/000042 ')).toEqual({ year: 2026, sequence: 42 });
    for (const bad of ['2026/42', '2026-000042', '2026/0000042', '2026/000000', 'abcd/000001', '']) {
      expect(parseProtocolNumber(bad)).toBeNull();
    }
  });

  it('take the year in force in Rome, not in UTC', () => {
    expect(protocolYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(protocolYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(protocolYear(new Date('2027-01-01T00:30:00+01:00'))).toBe(2027);
    expect(protocolYear(new Date('2026-06-30T22:30:00Z'))).toBe(2026);
    expect(() => protocolYear(new Date('not a date'))).toThrow(RangeError);
  });
});
