import type { PublicReport } from '../../archive/domain/visibility';
import { romeDateTime } from '../../service-levels/domain/working-calendar';

/**
 * The public archive as open data (the Italian practice: CSV with a DCAT-AP_IT description, under
 * CC BY 4.0): the same public fields the archive serves, one row per published report, nothing
 * about who sent it. Column names in Italian, as the municipality's open-data portal lists them.
 */

export const OPEN_DATA_COLUMNS = [
  'identificativo',
  'protocollo',
  'titolo',
  'testo',
  'categoria',
  'stato',
  'indirizzo',
  'latitudine',
  'longitudine',
  'data_invio',
  'data_pubblicazione',
  'data_chiusura',
  'risposte_pubbliche',
  'ultima_risposta',
] as const;

export type OpenDataRow = Record<(typeof OPEN_DATA_COLUMNS)[number], string | number | null>;

export const OPEN_DATA_LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** A published report as an open-data row; `reference` is its public identifier (the one Open311 uses too). */
export function openDataRowOf(report: PublicReport, reference: string): OpenDataRow {
  return {
    identificativo: reference,
    protocollo: report.protocolNumber,
    titolo: report.title,
    testo: report.text,
    categoria: report.category?.name ?? null,
    stato: report.status,
    indirizzo: report.address,
    latitudine: report.latitude,
    longitudine: report.longitude,
    data_invio: romeDateTime(report.submittedAt),
    data_pubblicazione: report.publishedAt ? romeDateTime(report.publishedAt) : null,
    data_chiusura: report.closedAt ? romeDateTime(report.closedAt) : null,
    risposte_pubbliche: report.replies.length,
    ultima_risposta: report.replies.at(-1)?.body ?? null,
  };
}

/**
 * One CSV record (RFC 4180: commas, CRLF, fields with a comma, quote or line break quoted). A text
 * that a spreadsheet would run as a formula (beginning with =, +, -, @, tab or carriage return) is
 * written with a leading apostrophe: citizens' words must never execute on an officer's computer.
 */
export function csvRecord(values: readonly (string | number | null)[]): string {
  return `${values
    .map((value) => {
      if (value === null) return '';
      if (typeof value === 'number') return String(value);
      const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}

export interface DatasetFacts {
  /** Where the site is (`PUBLIC_URL`). */
  readonly baseUrl: string;
  readonly municipality: string;
  /** The municipality's code in the Indice dei domicili digitali della PA (IPA), e.g. `c_a859`; empty: unknown. */
  readonly ipaCode: string;
  readonly contactEmail: string;
  /** When the archive last changed, as an ISO instant; null: it never did. */
  readonly modified: string | null;
}

const EU = 'http://publications.europa.eu/resource/authority';

/** The dataset's DCAT-AP_IT description (JSON-LD), with its two distributions. */
export function datasetDescription({ baseUrl, municipality, ipaCode, contactEmail, modified }: DatasetFacts) {
  const base = baseUrl.replace(/\/+$/, '');
  const agent = {
    '@type': ['foaf:Agent', 'dcatapit:Agent'],
    'foaf:name': municipality,
    ...(ipaCode ? { 'dct:identifier': ipaCode } : {}),
  };
  const license = {
    '@id': OPEN_DATA_LICENSE.url,
    '@type': ['dct:LicenseDocument', 'dcatapit:LicenseDocument'],
    'foaf:name': OPEN_DATA_LICENSE.name,
    'dct:type': { '@id': 'http://purl.org/adms/licencetype/Attribution' },
  };
  const distribution = (format: 'CSV' | 'JSON', mediaType: string, path: string) => ({
    '@id': `${base}${path}`,
    '@type': ['dcat:Distribution', 'dcatapit:Distribution'],
    'dct:title': { '@value': `Segnalazioni pubblicate (${format})`, '@language': 'it' },
    'dcat:accessURL': { '@id': `${base}${path}` },
    'dcat:downloadURL': { '@id': `${base}${path}` },
    'dct:format': { '@id': `${EU}/file-type/${format}` },
    'dcat:mediaType': mediaType,
    'dct:license': license,
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      dcatapit: 'http://dati.gov.it/onto/dcatapit#',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/api/segnalazioni/opendata/dataset.jsonld`,
    '@type': ['dcat:Dataset', 'dcatapit:Dataset'],
    // DCAT-AP_IT: the holder's IPA code, a colon, the dataset's own name.
    'dct:identifier': ipaCode ? `${ipaCode}:segnalazioni` : `${base}/api/segnalazioni/opendata/dataset.jsonld`,
    'dct:title': [
      { '@value': `Segnalazioni dei cittadini – ${municipality}`, '@language': 'it' },
      { '@value': `Citizens' reports – ${municipality}`, '@language': 'en' },
    ],
    'dct:description': [
      {
        '@value':
          'Le segnalazioni sul territorio (buche, rifiuti, affissioni, segnaletica…) che il Comune ha verificato e pubblicato: testo e luogo approvati, categoria, stato, date e risposte pubbliche. Nessun dato di chi le ha inviate.',
        '@language': 'it',
      },
      {
        '@value':
          'Reports about the territory (potholes, rubbish, posters, signs…) that the municipality checked and published: approved text and place, category, status, dates and public replies. Nothing about who sent them.',
        '@language': 'en',
      },
    ],
    'dcat:keyword': ['segnalazioni', 'territorio', 'decoro urbano', 'manutenzione', 'URP'],
    'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/UPDATE_CONT` },
    ...(modified ? { 'dct:modified': { '@value': modified.slice(0, 10), '@type': 'xsd:date' } } : {}),
    'dct:language': { '@id': `${EU}/language/ITA` },
    'dct:publisher': agent,
    'dct:rightsHolder': agent,
    'dcat:contactPoint': {
      '@type': ['vcard:Organization', 'dcatapit:Organization'],
      'vcard:fn': 'Ufficio Relazioni con il Pubblico',
      'vcard:hasEmail': { '@id': `mailto:${contactEmail}` },
    },
    'dcat:landingPage': { '@id': `${base}/sportello` },
    'dcat:distribution': [
      distribution('CSV', 'text/csv', '/api/segnalazioni/opendata/reports.csv'),
      distribution('JSON', 'application/json', '/api/segnalazioni/opendata/reports.json'),
    ],
  };
}
