import { parseArchiveQuery } from '../../archive/domain/archive-query';
import { calendarDateProblem, dayRange, nextDay } from './calendar-date';
import { parseStatisticsQuery } from '../../statistics/domain/statistics-query';

describe('calendarDateProblem', () => {
  it.each(['2026-01-01', '2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2000-01-01', '2100-12-31'])('accepts %s', (value) => {
    expect(calendarDateProblem(value)).toBeNull();
  });

  it.each([
    ['2026-13-45', /mese va da 01 a 12/],
    ['2026-00-10', /mese va da 01 a 12/],
    ['2026-02-31', /quel mese ha 28 giorni/],
    ['2026-02-29', /quel mese ha 28 giorni/],
    ['1900-02-29', /anno/],
    ['2100-02-29', /quel mese ha 28 giorni/],
    ['2026-04-31', /quel mese ha 30 giorni/],
    ['2026-01-00', /quel mese ha 31 giorni/],
    ['0000-00-00', /anno deve essere tra 2000 e 2100/],
    ['9999-12-31', /anno deve essere tra 2000 e 2100/],
    ['1999-12-31', /anno deve essere tra 2000 e 2100/],
    ['2026-1-5', /AAAA-MM-GG/],
    ['20260105', /AAAA-MM-GG/],
    ['2026-01-05T00:00:00Z', /AAAA-MM-GG/],
    ['+02026-01-05', /AAAA-MM-GG/],
    ['２０２６-01-05', /AAAA-MM-GG/],
  ])('refuses %s', (value, message) => {
    expect(calendarDateProblem(value)).toMatch(message);
  });
});

describe.each([
  ['the archive query', parseArchiveQuery],
  ['the statistics query', parseStatisticsQuery],
])('dates in %s', (_label, parse) => {
  it('take real days and an ordered range', () => {
    expect(parse({ from: '2026-02-28', to: '2026-02-28' })).toMatchObject({ ok: true, value: { from: '2026-02-28', to: '2026-02-28' } });
  });

  it.each(['2026-13-45', '2026-02-31', '0000-00-00', 'ieri'])('refuse from=%s with an Italian message naming the parameter', (value) => {
    const parsed = parse({ from: value });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ path: 'from', message: expect.stringMatching(/^from: .*(data|anno)/) }]);
  });

  it('refuse a range that ends before it starts', () => {
    expect(parse({ from: '2026-03-02', to: '2026-03-01' })).toEqual({
      ok: false,
      errors: [{ path: 'from', message: 'from: deve essere uguale o precedente a to.' }],
    });
  });

  it('refuse a category that is too long or not a string, in Italian', () => {
    expect(parse({ category: 'x'.repeat(121) })).toEqual({ ok: false, errors: [{ path: 'category', message: 'category: al massimo 120 caratteri.' }] });
    expect(parse({ category: ['a', 'b'] })).toEqual({ ok: false, errors: [{ path: 'category', message: 'category: lo slug di una categoria.' }] });
  });
});

describe('the archive query bounds every string', () => {
  it.each([
    [{ q: 'x'.repeat(201) }, 'q: al massimo 200 caratteri.'],
    [{ q: ['a', 'b'] }, 'q: un testo da cercare.'],
    [{ status: 'x'.repeat(10_000) }, expect.stringMatching(/^status: uno tra /)],
    [{ sort: 'x'.repeat(10_000) }, 'sort: newest, oldest o relevance.'],
  ])('%#', (raw, message) => {
    const parsed = parseArchiveQuery(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((error) => error.message)).toEqual([message]);
  });
});

describe('dayRange: a from/to filter as the instants of Rome days', () => {
  it('runs from Rome midnight to Rome midnight, one or two hours before UTC', () => {
    expect(dayRange({ from: '2026-01-15', to: '2026-01-15' })).toEqual({ since: new Date('2026-01-14T23:00:00Z'), until: new Date('2026-01-15T23:00:00Z') });
    expect(dayRange({ from: '2026-07-01', to: '2026-07-31' })).toEqual({ since: new Date('2026-06-30T22:00:00Z'), until: new Date('2026-07-31T22:00:00Z') });
  });

  it('has 23 hours on the day summer time begins and 25 on the day it ends', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00.
    expect(dayRange({ from: '2026-03-29', to: '2026-03-29' })).toEqual({ since: new Date('2026-03-28T23:00:00Z'), until: new Date('2026-03-29T22:00:00Z') });
    // 25 October 2026: clocks go from 03:00 back to 02:00.
    expect(dayRange({ from: '2026-10-25', to: '2026-10-25' })).toEqual({ since: new Date('2026-10-24T22:00:00Z'), until: new Date('2026-10-25T23:00:00Z') });
  });

  it('leaves a side open when its date is not given', () => {
    expect(dayRange({ to: '2026-12-31' })).toEqual({ since: null, until: new Date('2026-12-31T23:00:00Z') });
    expect(dayRange({ from: '2027-01-01' })).toEqual({ since: new Date('2026-12-31T23:00:00Z'), until: null });
    expect(dayRange({})).toEqual({ since: null, until: null });
  });

  it('steps to the next day across months, leap days and years', () => {
    expect(['2026-01-31', '2024-02-28', '2024-02-29', '2026-02-28', '2026-12-31'].map(nextDay)).toEqual([
      '2026-02-01',
      '2024-02-29',
      '2024-03-01',
      '2026-03-01',
      '2027-01-01',
    ]);
  });
});
