import { DEFAULT_CALENDAR, dueAfterWorkingDays, easterSunday, isOpen, italianHolidays, nextOpening, romeDateTime } from './working-calendar';

/** Rome's wall-clock time `YYYY-MM-DDTHH:MM` with its offset, as an instant. */
const rome = (local: string, offset: '+01:00' | '+02:00') => new Date(`${local}:00${offset}`);

describe('working calendar (Biella URP hours, Europe/Rome)', () => {
  it('knows Easter and the national holidays, Easter Monday included', () => {
    expect(easterSunday(2026)).toEqual({ year: 2026, month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ year: 2027, month: 3, day: 28 });
    expect(italianHolidays(2026)).toEqual(expect.arrayContaining(['2026-04-06', '2026-04-25', '2026-06-02', '2026-10-04', '2026-12-26']));
    expect(italianHolidays(2025)).not.toContain('2025-10-04');
  });

  it('is open in office hours only', () => {
    expect(isOpen(rome('2026-11-27T15:59', '+01:00'))).toBe(true); // Friday
    expect(isOpen(rome('2026-11-27T16:00', '+01:00'))).toBe(false);
    expect(isOpen(rome('2026-11-27T12:30', '+01:00'))).toBe(false); // lunch break
    expect(isOpen(rome('2026-11-26T12:30', '+01:00'))).toBe(true); // Thursday, continuous hours
    expect(isOpen(rome('2026-11-28T10:00', '+01:00'))).toBe(false); // Saturday
    expect(isOpen(rome('2026-12-08T10:00', '+01:00'))).toBe(false); // Immacolata
  });

  it('Friday at 15:59: due at the close of Monday', () => {
    expect(dueAfterWorkingDays(rome('2026-11-27T15:59', '+01:00'), 1)).toEqual(rome('2026-11-30T16:00', '+01:00'));
  });

  it('Friday evening, after hours: due at the close of the next working day', () => {
    expect(dueAfterWorkingDays(rome('2026-11-27T21:30', '+01:00'), 1)).toEqual(rome('2026-11-30T16:00', '+01:00'));
  });

  it('before opening, the day counts; during the lunch break, it does not', () => {
    expect(dueAfterWorkingDays(rome('2026-11-30T07:10', '+01:00'), 1)).toEqual(rome('2026-11-30T16:00', '+01:00'));
    expect(dueAfterWorkingDays(rome('2026-11-30T12:30', '+01:00'), 1)).toEqual(rome('2026-12-01T16:00', '+01:00'));
  });

  it('skips a holiday: a report on the eve of the Immacolata', () => {
    expect(dueAfterWorkingDays(rome('2026-12-07T10:00', '+01:00'), 1)).toEqual(rome('2026-12-09T16:00', '+01:00'));
  });

  it('skips Easter Monday', () => {
    expect(dueAfterWorkingDays(rome('2026-04-03T11:00', '+02:00'), 1)).toEqual(rome('2026-04-07T16:00', '+02:00'));
  });

  it('crosses the spring daylight-saving night with the right offset', () => {
    // Sunday 29 March 2026 the clocks go forward: Friday 27 (+01:00) → Monday 30 (+02:00).
    expect(dueAfterWorkingDays(rome('2026-03-27T15:00', '+01:00'), 1)).toEqual(rome('2026-03-30T16:00', '+02:00'));
  });

  it('crosses the autumn daylight-saving night with the right offset', () => {
    // Sunday 25 October 2026 the clocks go back: Friday 23 (+02:00) → Monday 26 (+01:00).
    expect(dueAfterWorkingDays(rome('2026-10-23T15:00', '+02:00'), 1)).toEqual(rome('2026-10-26T16:00', '+01:00'));
  });

  it('crosses the year end, its holidays and a weekend', () => {
    // 24 Dec 2026 is a Thursday; 25 and 26 are holidays, 27 is Sunday.
    expect(dueAfterWorkingDays(rome('2026-12-24T15:30', '+01:00'), 1)).toEqual(rome('2026-12-28T16:00', '+01:00'));
    // 31 Dec 2026 (Thursday) after hours: 1 Jan holiday, then the weekend, then Epiphany on Wednesday.
    expect(dueAfterWorkingDays(rome('2026-12-31T18:00', '+01:00'), 3)).toEqual(rome('2027-01-07T16:00', '+01:00'));
  });

  it('ends on Thursday’s continuous hours at 16:00', () => {
    expect(dueAfterWorkingDays(rome('2026-11-25T09:00', '+01:00'), 1)).toEqual(rome('2026-11-26T16:00', '+01:00'));
  });

  it('honours the patron saint’s day and extra closures', () => {
    const calendar = { ...DEFAULT_CALENDAR, patronDay: '11-30', closures: ['2026-12-01'] };
    expect(dueAfterWorkingDays(rome('2026-11-27T20:00', '+01:00'), 1, calendar)).toEqual(rome('2026-12-02T16:00', '+01:00'));
  });

  it('finds the next opening', () => {
    expect(nextOpening(rome('2026-11-27T16:30', '+01:00'))).toEqual(rome('2026-11-30T08:30', '+01:00'));
    expect(nextOpening(rome('2026-11-27T12:10', '+01:00'))).toEqual(rome('2026-11-27T14:15', '+01:00'));
  });

  it('refuses a nonsensical number of days', () => {
    expect(() => dueAfterWorkingDays(new Date(), 0)).toThrow(RangeError);
    expect(() => dueAfterWorkingDays(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe("Rome's date and time for other systems", () => {
  /** What Intl says, instant by instant: the formatting romeDateTime avoids repeating. */
  const oracle = (ms: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Rome',
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'longOffset',
      })
        .formatToParts(new Date(ms))
        .map((part) => [part.type, part.value]),
    );
    const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
  };

  it('writes the wall clock and offset Intl gives, across the changes of summer time', () => {
    expect(romeDateTime('2026-03-15T08:30:00.000Z')).toBe('2026-03-15T09:30:00+01:00');
    expect(romeDateTime('2026-07-01T22:15:09.999Z')).toBe('2026-07-02T00:15:09+02:00');
    // Every second around the changes of 2025 (01:00 UTC), and random instants of 1985–2045.
    for (const change of [Date.UTC(2025, 2, 30, 1), Date.UTC(2025, 9, 26, 1)]) {
      for (let ms = change - 3_605_000; ms <= change + 3_605_000; ms += 997) expect(romeDateTime(new Date(ms))).toBe(oracle(ms));
    }
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      const ms = Date.UTC(1985, 0, 1) + (seed / 2147483647) * 60 * 365.25 * 86_400_000;
      expect(romeDateTime(new Date(ms).toISOString())).toBe(oracle(ms));
    }
  });
});
