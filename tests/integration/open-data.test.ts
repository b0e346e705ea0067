import Ajv2020 from 'ajv/dist/2020';
import { startApp, type TestApp } from '../helpers/app';

const REPORTS = 1_234;
const DAY = 86_400_000;
const COLUMNS = [
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
];

/** RFC 4180 read back, independently of how we write it: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || record.length) throw new Error('The CSV does not end with CRLF');
  return records;
}

/** What a reader of DCAT-AP_IT needs of the description (dati.gov.it harvests these). */
const DATASET_SCHEMA = {
  type: 'object',
  required: [
    '@context',
    '@id',
    '@type',
    'dct:identifier',
    'dct:title',
    'dct:description',
    'dcat:theme',
    'dct:accrualPeriodicity',
    'dct:modified',
    'dct:publisher',
    'dct:rightsHolder',
    'dcat:contactPoint',
    'dcat:distribution',
  ],
  properties: {
    '@type': { type: 'array', contains: { const: 'dcatapit:Dataset' } },
    'dct:identifier': { type: 'string', pattern: '^c_[a-z0-9]+:segnalazioni$' },
    'dct:modified': { type: 'object', required: ['@value', '@type'], properties: { '@value': { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } },
    'dct:rightsHolder': { type: 'object', required: ['foaf:name', 'dct:identifier'] },
    'dcat:distribution': {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        required: ['@type', 'dcat:accessURL', 'dct:format', 'dct:license'],
        properties: { 'dct:license': { type: 'object', properties: { '@id': { const: 'https://creativecommons.org/licenses/by/4.0/' } } } },
      },
    },
  },
};

/**
 * The archive as open data: every published report, and nothing else, in a CSV any spreadsheet
 * opens safely and a JSON with the same rows, streamed in batches, described in DCAT-AP_IT.
 */
describe('open data', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({
      NOTIFICATION_POLL_MS: '60000',
      MUNICIPALITY_NAME: 'Città di Biella',
      MUNICIPALITY_IPA_CODE: 'c_a859',
      PUBLIC_URL: 'https://segnala.comune.biella.it',
    });
    const knex = app.strapi.db.connection;
    const start = Date.UTC(2025, 0, 1);
    // Texts a CSV must survive: commas, quotes, line breaks, and words a spreadsheet would run as formulas.
    const texts = ['Buca, profonda "davvero"', 'Prima riga\r\nseconda riga', '=HYPERLINK("http://x.example","clic")', '+39 333 1234567', '-2 gradi', '@mario'];
    for (let first = 0; first < REPORTS + 1; first += 500) {
      await knex('segnalazioni_reports').insert(
        Array.from({ length: Math.min(500, REPORTS + 1 - first) }, (_, i) => {
          const n = first + i;
          const published = n < REPORTS;
          return {
            document_id: `open${String(n).padStart(20, '0')}`,
            reference: `R-${n}`,
            protocol_number: published ? `2025/${String(n + 1).padStart(6, '0')}` : null,
            title: published ? `Segnalazione ${n}` : 'Privata',
            description: 'Il testo del cittadino, con il suo indirizzo di casa.',
            public_title: published ? `Segnalazione ${n}` : null,
            public_text: published ? texts[n % texts.length] : null,
            text_moderation: published ? 'approved' : 'pending',
            channel: 'web',
            status: published ? 'in_charge' : 'submitted',
            is_public: published,
            public_address: published ? 'Via Italia 1, Biella' : null,
            contact_email: 'privato@example.it',
            submitted_at: new Date(start + n * DAY),
            published_on: published ? new Date(start + n * DAY + 3_600_000) : null,
            created_at: new Date(),
            updated_at: new Date(),
          };
        }),
      );
    }
    await app.strapi.plugin('segnalazioni').service('archive-projection').rebuild();
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('downloads every published report as CSV, safe to open in a spreadsheet, nothing private', async () => {
    const response = await app.http().get('/api/segnalazioni/opendata/reports.csv').buffer(true).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe('attachment; filename="segnalazioni.csv"');
    expect(response.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    const [header, ...records] = parseCsv(response.text);
    expect(header).toEqual(COLUMNS);
    expect(records).toHaveLength(REPORTS);
    expect(new Set(records.map((record) => record[0])).size).toBe(REPORTS);
    expect(records.every((record) => record.length === COLUMNS.length)).toBe(true);
    const text = (n: number) => records.find((record) => record[0] === `R-${n}`)?.[3];
    expect([0, 1, 2, 3, 4, 5].map(text)).toEqual([
      'Buca, profonda "davvero"',
      'Prima riga\r\nseconda riga',
      `'=HYPERLINK("http://x.example","clic")`,
      "'+39 333 1234567",
      "'-2 gradi",
      "'@mario",
    ]);
    expect(records[0]).toEqual(
      expect.arrayContaining(['2025/000001', 'in_charge', 'Via Italia 1, Biella', '2025-01-01T01:00:00+01:00', '2025-01-01T02:00:00+01:00']),
    );
    expect(response.text).not.toMatch(/privato@example\.it|indirizzo di casa|Privata|R-1234/);
  });

  it('downloads the same rows as JSON, and both revalidate like the archive', async () => {
    const json = await app.http().get('/api/segnalazioni/opendata/reports.json').buffer(true).expect(200);
    const rows = JSON.parse(json.text) as Record<string, string | number | null>[];
    expect(rows).toHaveLength(REPORTS);
    expect(Object.keys(rows[0])).toEqual(COLUMNS);
    expect(rows.find((row) => row.identificativo === 'R-2')?.testo).toBe('=HYPERLINK("http://x.example","clic")');
    const csv = await app.http().get('/api/segnalazioni/opendata/reports.csv').expect(200);
    await app.http().get('/api/segnalazioni/opendata/reports.csv').set('If-None-Match', csv.headers.etag).expect(304);
  });

  it('describes the data set in DCAT-AP_IT, with its licence and its two downloads', async () => {
    const response = await app.http().get('/api/segnalazioni/opendata/dataset.jsonld').expect(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const ajv = new Ajv2020({ allErrors: true });
    const valid = ajv.validate(DATASET_SCHEMA, response.body);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(response.body['dct:identifier']).toBe('c_a859:segnalazioni');
    expect(response.body['dct:publisher']['foaf:name']).toBe('Città di Biella');
    expect(response.body['dct:modified']['@value']).toBe(new Date(Date.UTC(2025, 0, 1) + (REPORTS - 1) * DAY + 3_600_000).toISOString().slice(0, 10));
    for (const distribution of response.body['dcat:distribution'] as { 'dcat:downloadURL': { '@id': string } }[]) {
      const url = new URL(distribution['dcat:downloadURL']['@id']);
      expect(url.origin).toBe('https://segnala.comune.biella.it');
      await app.http().head(url.pathname).expect(200);
    }
  });
});
