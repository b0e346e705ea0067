import { REFERENCE_PATTERN } from '../../intake/domain/reference';
import { REPORT_CHANNELS } from '../../channels/domain/channels';
import { MODERATION_STATES, PUBLIC_STATUSES, REPLY_KINDS, REPORT_STATUSES } from '../../workflow/domain/report-states';
import { ACTIONS } from '../../workflow/domain/lifecycle';
import { STEP_NAMES } from '../../statistics/domain/statistics-facts';
import { LOCALES } from '../../common/domain/messages';
import type { OPEN_DATA_COLUMNS } from '../../opendata/domain/open-data';

/**
 * The answers of the public contract as JSON Schemas (2020-12, the dialect of OpenAPI 3.1), named
 * for `components.schemas`. The enumerations come from the domain, so a new status or reply kind
 * is described the moment it exists. Objects are closed (`additionalProperties: false`): the tests
 * validate real answers against these, so a field added to an answer and not here fails them.
 */

export type JsonSchema = { readonly [keyword: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const text: JsonSchema = { type: 'string' };
const instant: JsonSchema = { type: 'string', format: 'date-time' };
const count: JsonSchema = { type: 'integer', minimum: 0 };
const reference: JsonSchema = { type: 'string', pattern: REFERENCE_PATTERN };

/** A closed object: every property listed, `required` unless named in `optional`. */
export function object(
  properties: Record<string, JsonSchema>,
  { optional = [], description }: { optional?: readonly string[]; description?: string } = {},
): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    additionalProperties: false,
    properties,
  };
}

const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });

/** Strapi's envelope of one value or of a list with its `meta`. */
export const envelope = (data: JsonSchema, meta: JsonSchema = object({})): JsonSchema => object({ data, meta });

const categoryRef = nullable(object({ name: text, slug: text }));
const deadline = nullable(
  object(
    { step: { enum: ['take_in_charge', 'first_answer', 'close'] }, due: instant },
    { description: 'La scadenza in corso: presa in carico, prima risposta o chiusura.' },
  ),
);
const latitude: JsonSchema = nullable({ type: 'number', minimum: -90, maximum: 90 });
const longitude: JsonSchema = nullable({ type: 'number', minimum: -180, maximum: 180 });
const byStep = (value: JsonSchema) => object(Object.fromEntries(STEP_NAMES.map((step) => [step, value])));
const aggregateProperties = {
  total: count,
  byStatus: object(Object.fromEntries(REPORT_STATUSES.map((status) => [status, count]))),
  medianHours: byStep(nullable({ type: 'number', minimum: 0 })),
  withinServiceLevel: byStep(nullable({ type: 'number', minimum: 0, maximum: 1 })),
};

const romeInstant: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}$',
  description: 'Ora di Roma con il suo scarto.',
};
const OPEN_DATA_ROW: Record<(typeof OPEN_DATA_COLUMNS)[number], JsonSchema> = {
  identificativo: text,
  protocollo: nullable(text),
  titolo: text,
  testo: text,
  categoria: nullable(text),
  stato: { enum: [...PUBLIC_STATUSES] },
  indirizzo: nullable(text),
  latitudine: latitude,
  longitudine: longitude,
  data_invio: romeInstant,
  data_pubblicazione: nullable(romeInstant),
  data_chiusura: nullable(romeInstant),
  risposte_pubbliche: count,
  ultima_risposta: nullable(text),
};

const PUBLIC_REPORT = {
  documentId: text,
  protocolNumber: nullable({ type: 'string', pattern: '^\\d{4}/\\d{6}$' }),
  title: text,
  text: { ...text, description: 'Il testo pubblico approvato (mai il testo originale del cittadino).' },
  category: categoryRef,
  status: { enum: [...PUBLIC_STATUSES] },
  photos: arrayOf(ref('Photo'), 'Solo le foto approvate.'),
  address: nullable(text),
  latitude,
  longitude,
  submittedAt: instant,
  publishedAt: nullable(instant),
  closedAt: nullable(instant),
  duplicateOf: nullable({
    ...object({ documentId: text, reference }),
    description: 'La segnalazione originale, quando l’ufficio ha chiuso questa come duplicato: la sua pagina è pubblica se è pubblicata.',
  }),
  replies: arrayOf(ref('PublicReply'), 'Solo le risposte pubbliche, dalla più vecchia.'),
  deadline: { ...deadline, description: 'Solo quando il Comune pubblica le scadenze (PUBLIC_DEADLINES).' },
};
// A feature carries the place as its geometry and the id as its own.
const { documentId: _id, latitude: _latitude, longitude: _longitude, ...FEATURE_PROPERTIES } = PUBLIC_REPORT;
const PAGE_META = {
  pagination: object({
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    pageCount: { ...count, description: 'Le pagine raggiungibili con i numeri di pagina (le prime 10.000 segnalazioni).' },
    total: count,
    totalExact: { type: 'boolean', description: '`false`: ce ne sono almeno `total` (conteggio fermato a 1.000).' },
  }),
  cursor: object({ next: nullable({ ...text, description: 'Da rimandare come `cursor` per la pagina seguente.' }) }),
};

/** Open311's answers: one value for the JSON and XML forms (XML: lists as elements of their items). */
const w3c: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2}|Z)$' };
const emptyOr = (schema: JsonSchema): JsonSchema => ({ anyOf: [{ const: '' }, schema] });
const serviceRequestId: JsonSchema = {
  ...reference,
  description: 'Il riferimento della segnalazione (es. 7K3M-Q9XA): esiste dall’invio e non cambia.',
};
const open311Status: JsonSchema = { enum: ['open', 'closed'] };

/** A report as its citizen sees it: logged in (`OwnReport`) or through its follow link. */
const OWN_REPORT_PROPERTIES: Record<string, JsonSchema> = {
  documentId: text,
  reference: text,
  protocolNumber: nullable(text),
  title: text,
  description: text,
  text: nullable(text),
  textModeration: object({ state: { enum: [...MODERATION_STATES] }, reason: nullable(text) }),
  category: categoryRef,
  status: { enum: [...REPORT_STATUSES] },
  published: { type: 'boolean' },
  editable: { type: 'boolean' },
  channel: { enum: [...REPORT_CHANNELS] },
  address: nullable(text),
  latitude,
  longitude,
  submittedAt: instant,
  takenInChargeAt: nullable(instant),
  publishedAt: nullable(instant),
  closedAt: nullable(instant),
  deadlines: object({ takeInCharge: nullable(instant), firstAnswer: nullable(instant), close: nullable(instant) }),
  deadline,
  photos: arrayOf(
    object({
      documentId: text,
      moderation: { enum: [...MODERATION_STATES] },
      moderationReason: nullable(text),
      url: { type: 'string', description: 'Un collegamento firmato, valido per poco tempo.' },
      width: nullable({ type: 'integer' }),
      height: nullable({ type: 'integer' }),
      formats: { type: 'object' },
    }),
  ),
  replies: arrayOf(object({ kind: { enum: [...REPLY_KINDS] }, body: text, public: { type: 'boolean' }, createdAt: instant })),
  history: arrayOf(object({ action: { enum: [...ACTIONS] }, fromStatus: nullable(text), toStatus: nullable(text), at: instant })),
};

export const SCHEMAS = {
  Error: object(
    {
      data: { type: 'null' },
      error: object(
        {
          status: { type: 'integer', minimum: 400, maximum: 599 },
          name: text,
          message: text,
          details: {
            type: 'object',
            description: 'Per gli errori di validazione (400), `errors` elenca ogni problema con il suo campo.',
            properties: {
              errors: arrayOf({
                type: 'object',
                required: ['path', 'message'],
                properties: {
                  path: { anyOf: [text, arrayOf(text)], description: 'Il campo (`a.b.0`); nelle rotte di users-permissions un elenco, con `name` e `value`.' },
                  message: text,
                },
              }),
            },
          },
        },
        { optional: ['details'] },
      ),
    },
    { description: 'Un errore nel formato di Strapi, con il messaggio in italiano.' },
  ),
  Category: object({
    documentId: text,
    name: text,
    slug: text,
    description: text,
    office: nullable(object({ name: text })),
    reportCount: { ...count, description: 'Le segnalazioni pubblicate della categoria.' },
    nearbyMetres: {
      type: 'integer',
      minimum: 10,
      maximum: 1000,
      description: 'Il raggio in cui il portale cerca la stessa segnalazione già pubblicata, prima dell’invio.',
    },
  }),
  Photo: object({
    url: { type: 'string', pattern: '^/uploads/', description: 'Sul nostro server, qualunque sia l’archivio che conserva il file.' },
    width: nullable({ type: 'integer' }),
    height: nullable({ type: 'integer' }),
    formats: {
      type: 'object',
      additionalProperties: object({ url: { type: 'string', pattern: '^/uploads/' }, width: { type: 'integer' }, height: { type: 'integer' } }),
    },
  }),
  PublicReply: object({ kind: { enum: [...REPLY_KINDS] }, body: text, createdAt: instant }),
  PublicReport: object(PUBLIC_REPORT, {
    optional: ['deadline'],
    description: 'Una segnalazione pubblicata: testo, luogo e foto approvati; mai chi l’ha inviata.',
  }),
  ReportsPage: envelope(arrayOf(ref('PublicReport')), object(PAGE_META)),
  ReportsGeoJson: object(
    {
      type: { const: 'FeatureCollection' },
      features: arrayOf(
        object({
          type: { const: 'Feature' },
          id: { ...text, description: 'Il `documentId` della segnalazione.' },
          geometry: nullable(
            object({
              type: { const: 'Point' },
              coordinates: {
                type: 'array',
                prefixItems: [
                  { type: 'number', minimum: -180, maximum: 180 },
                  { type: 'number', minimum: -90, maximum: 90 },
                ],
                minItems: 2,
                maxItems: 2,
                description: '[longitudine, latitudine] (WGS 84): il luogo pubblico approvato.',
              },
            }),
          ),
          properties: object(FEATURE_PROPERTIES, { optional: ['deadline'] }),
        }),
        'Senza luogo pubblico, `geometry` è null (RFC 7946 §3.2).',
      ),
      ...PAGE_META,
    },
    { description: 'Una pagina dell’archivio in GeoJSON (RFC 7946), con la paginazione come membri aggiuntivi.' },
  ),
  Statistics: envelope(
    object({
      ...aggregateProperties,
      byCategory: arrayOf(object({ ...aggregateProperties, slug: text, name: text })),
      byOffice: arrayOf(object({ ...aggregateProperties, name: text })),
      byMonth: arrayOf(object({ ...aggregateProperties, month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } })),
    }),
    object({ minimumCellReports: { type: 'integer', description: 'Le celle (giorno × categoria) con meno segnalazioni sono escluse.' } }),
  ),
  Place: object({
    label: { ...text, description: 'Come il geocodificatore nomina il luogo.' },
    address: { ...text, description: 'L’indirizzo come lo scrive un cittadino (via e numero, comune).' },
    latitude: { type: 'number', minimum: -90, maximum: 90 },
    longitude: { type: 'number', minimum: -180, maximum: 180 },
  }),
  OwnReport: object(OWN_REPORT_PROPERTIES, { description: 'Una segnalazione del cittadino collegato, in ogni stato, con il suo luogo e le sue foto.' }),
  FollowedReport: envelope(
    object(
      { ...OWN_REPORT_PROPERTIES, link: object({ expiresAt: instant }) },
      { description: 'La segnalazione come la vede chi l’ha inviata, aperta dal suo collegamento personale, con la scadenza del collegamento.' },
    ),
  ),
  ReportStatus: envelope(
    object(
      {
        reference,
        protocolNumber: nullable(text),
        status: { enum: [...REPORT_STATUSES] },
        category: nullable(text),
        submittedAt: instant,
        takenInChargeAt: nullable(instant),
        firstAnsweredAt: nullable(instant),
        closedAt: nullable(instant),
        published: nullable(object({ documentId: text, title: text }, { description: 'La pagina pubblica, quando la segnalazione è pubblicata.' })),
        replies: arrayOf(object({ kind: { enum: [...REPLY_KINDS] }, body: text, createdAt: instant }), 'Solo le risposte pubbliche.'),
      },
      { description: 'A che punto è una segnalazione: stato, date, protocollo e risposte pubbliche; mai il testo del cittadino né dati personali.' },
    ),
  ),
  Revoked: envelope(object({ revoked: { const: true } })),
  Language: envelope(object({ language: { enum: [...LOCALES] } })),
  OpenDataRow: object(OPEN_DATA_ROW, { description: 'Una riga dei dati aperti: gli stessi campi pubblici dell’archivio.' }),
  Dataset: {
    type: 'object',
    description: 'La descrizione del dataset in DCAT-AP_IT (JSON-LD).',
    required: ['@context', '@id', '@type', 'dct:identifier', 'dcat:distribution'],
  },
  Open311Discovery: object({
    changeset: w3c,
    contact: text,
    key_service: text,
    endpoints: arrayOf(
      object({
        specification: { const: 'http://wiki.open311.org/GeoReport_v2' },
        url: { type: 'string', format: 'uri' },
        changeset: w3c,
        type: { enum: ['production', 'test'] },
        formats: arrayOf({ enum: ['text/xml', 'application/json'] }),
      }),
    ),
  }),
  Open311Services: arrayOf(
    object({
      service_code: text,
      service_name: text,
      description: text,
      metadata: { type: 'boolean', description: '`true` quando il servizio ha domande proprie (GET services/{code}).' },
      type: { enum: ['realtime', 'batch', 'blackbox'] },
      keywords: text,
      group: { ...text, description: 'L’ufficio competente.' },
    }),
  ),
  Open311ServiceDefinition: object({
    service_code: text,
    attributes: arrayOf(
      object(
        {
          variable: { type: 'boolean' },
          code: text,
          datatype: { enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] },
          required: { type: 'boolean' },
          datatype_description: nullable(text),
          order: { type: 'integer' },
          description: text,
          values: arrayOf(object({ key: text, name: text })),
        },
        { optional: ['values'] },
      ),
    ),
  }),
  Open311Requests: arrayOf(
    object(
      {
        service_request_id: serviceRequestId,
        status: open311Status,
        status_notes: { ...text, description: 'L’ultima risposta pubblica.' },
        service_name: text,
        service_code: text,
        description: text,
        agency_responsible: text,
        service_notice: { ...text, description: 'Il numero di protocollo, quando c’è.' },
        requested_datetime: w3c,
        updated_datetime: w3c,
        expected_datetime: emptyOr(w3c),
        address: text,
        address_id: text,
        zipcode: text,
        lat: emptyOr({ type: 'number', minimum: -90, maximum: 90 }),
        long: emptyOr({ type: 'number', minimum: -180, maximum: 180 }),
        media_url: emptyOr({ type: 'string', format: 'uri' }),
      },
      {
        optional: ['status_notes', 'service_notice', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url', 'agency_responsible'],
      },
    ),
  ),
  Open311Created: arrayOf(object({ service_request_id: serviceRequestId, service_notice: text, account_id: nullable(text) })),
  Open311Updates: arrayOf(
    object({ update_id: text, service_request_id: serviceRequestId, status: open311Status, updated_datetime: w3c, description: text, media_url: text }),
  ),
  Open311UpdateCreated: arrayOf(object({ update_id: { ...text, description: 'L’identificativo della nota.' } })),
  Open311Errors: arrayOf(object({ code: { type: 'integer', minimum: 400, maximum: 599 }, description: text })),
} satisfies Record<string, JsonSchema>;

export type SchemaName = keyof typeof SCHEMAS;
export { ref };
