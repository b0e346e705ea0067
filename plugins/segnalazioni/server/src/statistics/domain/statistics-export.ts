import type { Locale } from '../../common/domain/messages';
import { OPEN_STATUSES } from '../../workflow/domain/report-states';
import { csvRecord } from '../../opendata/domain/open-data';
import type { Aggregate, Statistics } from './statistics';
import { STEP_NAMES } from './statistics-facts';

/** The staff's figures as people read and keep them: months by name, and a CSV for a spreadsheet. */

const INTL: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

/** `2026-12` → "dicembre 2026" (`short`: "dic 26"), in the reader's language. */
export function monthLabel(month: string, locale: Locale, { short = false } = {}): string {
  const [year, number] = month.split('-').map(Number);
  if (!Number.isInteger(year) || !Number.isInteger(number) || number < 1 || number > 12) return month;
  const format = new Intl.DateTimeFormat(INTL[locale], { month: short ? 'short' : 'long', year: short ? '2-digit' : 'numeric', timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(year, number - 1, 1)));
}

const HEADERS: Record<Locale, readonly string[]> = {
  it: [
    'gruppo',
    'nome',
    'segnalazioni',
    'aperte',
    'chiuse',
    'mediana ore presa in carico',
    'mediana ore prima risposta',
    'mediana ore chiusura',
    'quota presa in carico entro i tempi',
    'quota prima risposta entro i tempi',
    'quota chiusura entro i tempi',
  ],
  en: [
    'group',
    'name',
    'reports',
    'open',
    'closed',
    'median hours to take in charge',
    'median hours to first answer',
    'median hours to close',
    'share taken in charge in time',
    'share first answered in time',
    'share closed in time',
  ],
};

const GROUPS: Record<Locale, Record<'all' | 'category' | 'office' | 'month', string>> = {
  it: { all: 'totale', category: 'categoria', office: 'ufficio', month: 'mese' },
  en: { all: 'total', category: 'category', office: 'office', month: 'month' },
};

const figures = (row: Aggregate) => [
  row.total,
  OPEN_STATUSES.reduce((open, status) => open + row.byStatus[status], 0),
  row.byStatus.closed,
  ...STEP_NAMES.map((step) => row.medianHours[step]),
  ...STEP_NAMES.map((step) => row.withinServiceLevel[step]),
];

/** One row per total, category, office and month (months by name), with a header in the reader's language. */
export function statisticsCsv(data: Statistics, locale: Locale): string {
  const groups = GROUPS[locale];
  return [
    csvRecord(HEADERS[locale]),
    csvRecord([groups.all, '', ...figures(data)]),
    ...data.byCategory.map((row) => csvRecord([groups.category, row.name, ...figures(row)])),
    ...data.byOffice.map((row) => csvRecord([groups.office, row.name, ...figures(row)])),
    ...data.byMonth.map((row) => csvRecord([groups.month, monthLabel(row.month, locale), ...figures(row)])),
  ].join('');
}
