import { MAX_RATING_DETAIL } from '../../ratings/domain/rating';
import { RATED_PAGES, RATING_ANSWERS } from '../../ratings/domain/rating-words';
import { REPORT_STATUSES } from '../../workflow/domain/report-states';
import { LOCALES } from '../../common/domain/messages';
import { MAX_PHOTOS } from '../../intake/domain/report-input';
import { IDEMPOTENCY_HEADER } from '../../intake/domain/idempotency-key';
import { DEFAULT_RADIUS_M, MAX_RADIUS_M } from '../../archive/domain/place-filter';
import { OPEN311_FORMATS } from '../../open311/domain/georeport-document';
import { STATUS_HINTS } from '../../open311/domain/georeport';
import { envelope, object, ref, SCHEMAS, type JsonSchema } from './openapi-schemas';

/**
 * The public contract as an OpenAPI 3.1 document: the archive, open data, the citizens' routes and
 * Open311 GeoReport v2 — every route the plugin serves to the world but Meta's webhooks (Meta's own
 * contract, signed). The tests call every operation and validate each answer against its schema.
 */

export interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header';
  readonly required?: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface Response {
  readonly description: string;
  readonly content?: Readonly<Record<string, { readonly schema: JsonSchema }>>;
}

export interface Operation {
  readonly operationId: string;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly required: boolean; readonly content: Readonly<Record<string, { readonly schema: JsonSchema }>> };
  readonly responses: Readonly<Record<string, Response>>;
  readonly security?: readonly Record<string, readonly string[]>[];
}

export type Method = 'get' | 'post' | 'put';
export type Paths = Readonly<Record<string, Partial<Record<Method, Operation>>>>;

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: { readonly name: string; readonly identifier: string };
  };
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly paths: Paths;
  readonly components: { readonly schemas: typeof SCHEMAS; readonly securitySchemes: Readonly<Record<string, JsonSchema>> };
}

const TAGS = {
  archive: 'Archivio pubblico',
  openData: 'Dati aperti',
  citizens: 'Cittadini',
  open311: 'Open311 GeoReport v2',
  places: 'Indirizzi',
  docs: 'Documentazione',
  following: 'Seguire una segnalazione',
  rating: 'Valutazione del servizio',
} as const;

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const nullableRef = (name: string): JsonSchema => ({ anyOf: [ref(name), { type: 'null' }] });
const ok = (description: string, schema: JsonSchema): Response => ({ description, content: json(schema) });
const atom = (description: string): Response => ({ description, content: { 'application/atom+xml': { schema: { type: 'string' } } } });

const ERROR_MEANINGS: Readonly<Record<number, string>> = {
  400: 'Richiesta non valida: `error.details.errors` dice quale campo e perché.',
  401: 'Serve l’accesso: un token JWT valido (`Authorization: Bearer …`).',
  403: 'Non consentito: account non confermato o bloccato, o permesso mancante.',
  404: 'Non esiste, o non è pubblica.',
  409: 'L’azione non è possibile nello stato attuale della segnalazione.',
  410: 'Il collegamento è scaduto o è stato revocato: vale quello del messaggio più recente.',
  413: 'Il corpo della richiesta è troppo grande.',
  415: 'Tipo di contenuto non accettato.',
  422: 'La stessa chiave di idempotenza è già stata usata per un invio diverso.',
  429: 'Troppe richieste: riprovare dopo i secondi di `Retry-After`.',
  503: 'Momentaneamente non disponibile: riprovare dopo i secondi di `Retry-After`.',
};
const failures = (...statuses: readonly number[]): Record<string, Response> =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: ERROR_MEANINGS[status], content: json(ref('Error')) }]));

/** The archive's answers revalidate: an `If-None-Match` with the current tag is a 304 without a body. */
const notModified: Record<string, Response> = { '304': { description: 'Non modificata dall’`ETag` inviato in `If-None-Match`.' } };
const ifNoneMatch: Parameter = { name: 'If-None-Match', in: 'header', description: 'L’`ETag` di una risposta precedente.', schema: { type: 'string' } };

const query = (name: string, description: string, schema: JsonSchema, required = false): Parameter => ({ name, in: 'query', description, schema, required });
const day = (description: string) => ({ type: 'string', format: 'date', description });
const BBOX: JsonSchema = { type: 'string', pattern: '^(-?[0-9.]+,){3}-?[0-9.]+$', examples: ['8.00,45.50,8.10,45.60'] };
const documentIdParam: Parameter = {
  name: 'documentId',
  in: 'path',
  required: true,
  description: 'Il `documentId` della segnalazione.',
  schema: { type: 'string' },
};
const citizen = [{ citizenToken: [] }];
const followToken: Parameter = {
  name: 'token',
  in: 'path',
  required: true,
  description: 'Il collegamento personale, come compare nei messaggi al cittadino.',
  schema: { type: 'string', maxLength: 200 },
};

/** The archive's query: the list and its GeoJSON form take the same. */
const archiveQuery: readonly Parameter[] = [
  query('q', 'Parole da cercare (al massimo 200 caratteri).', { type: 'string', maxLength: 200 }),
  query('category', 'Lo `slug` di una categoria.', { type: 'string' }),
  query('status', 'Lo stato (solo quelli pubblici trovano qualcosa).', { enum: [...REPORT_STATUSES] }),
  query('from', 'Inviate da questo giorno (ora di Roma), incluso.', day('AAAA-MM-GG')),
  query('to', 'Inviate fino a questo giorno (ora di Roma), incluso.', day('AAAA-MM-GG')),
  query('page', 'Il numero di pagina.', { type: 'integer', minimum: 1, maximum: 10000, default: 1 }),
  query('pageSize', 'Segnalazioni per pagina.', { type: 'integer', minimum: 1, maximum: 100, default: 25 }),
  query('sort', 'L’ordine: `relevance` con `q` per impostazione, altrimenti `newest`.', { enum: ['newest', 'oldest', 'relevance'] }),
  query('cursor', 'Il valore di `meta.cursor.next` di una pagina precedente.', { type: 'string', maxLength: 64 }),
  query('bbox', 'Solo nel rettangolo `lngMin,latMin,lngMax,latMax` (il luogo pubblico approvato).', BBOX),
  query('near', 'Solo entro `radius` metri dal punto `lat,lng`.', { type: 'string', pattern: '^-?[0-9.]+,-?[0-9.]+$' }),
  query('radius', 'Il raggio attorno a `near`, in metri.', { type: 'integer', minimum: 1, maximum: MAX_RADIUS_M, default: DEFAULT_RADIUS_M }),
];

function archivePaths(api: string): Paths {
  return {
    [`${api}/categories`]: {
      get: {
        operationId: 'listCategories',
        tags: [TAGS.archive],
        summary: 'Le categorie attive',
        description: 'Con l’ufficio competente e il numero di segnalazioni pubblicate di ciascuna.',
        parameters: [ifNoneMatch],
        responses: {
          '200': ok(
            'Le categorie, nell’ordine scelto dal Comune.',
            envelope({ type: 'array', items: ref('Category') }, object({ total: { type: 'integer' } })),
          ),
          ...notModified,
        },
      },
    },
    [`${api}/reports`]: {
      get: {
        operationId: 'listReports',
        tags: [TAGS.archive],
        summary: 'Le segnalazioni pubblicate',
        description:
          'Ricerca a testo libero (ogni parola richiesta, accenti ignorati), filtri e due paginazioni: i numeri di pagina raggiungono le prime 10.000 segnalazioni, `cursor` (da `meta.cursor.next`) ogni pagina allo stesso costo.',
        parameters: [...archiveQuery, ifNoneMatch],
        responses: { '200': ok('Una pagina di segnalazioni.', ref('ReportsPage')), ...notModified, ...failures(400) },
      },
    },
    [`${api}/reports.geojson`]: {
      get: {
        operationId: 'listReportsGeoJson',
        tags: [TAGS.archive],
        summary: 'Le segnalazioni pubblicate in GeoJSON',
        description: 'La stessa ricerca e la stessa pagina di GET /reports, come FeatureCollection (RFC 7946) per mappe e GIS.',
        parameters: [...archiveQuery, ifNoneMatch],
        responses: {
          '200': { description: 'Una pagina di segnalazioni.', content: { 'application/geo+json': { schema: ref('ReportsGeoJson') } } },
          ...notModified,
          ...failures(400),
        },
      },
    },
    [`${api}/feeds/reports.atom`]: {
      get: {
        operationId: 'reportsFeed',
        tags: [TAGS.archive],
        summary: 'Le segnalazioni pubblicate come feed Atom',
        description: 'Le più recenti (50, o `pageSize`) della stessa ricerca di GET /reports: di una categoria con `category`, di una zona con `bbox`.',
        parameters: [...archiveQuery, ifNoneMatch],
        responses: { '200': atom('Il feed (RFC 4287).'), ...notModified, ...failures(400) },
      },
    },
    [`${api}/feeds/reports/{documentId}.atom`]: {
      get: {
        operationId: 'reportFeed',
        tags: [TAGS.archive],
        summary: 'I passi pubblici di una segnalazione come feed Atom',
        description: 'La pubblicazione, ogni risposta pubblica dell’ufficio e la chiusura, dalla più recente.',
        parameters: [documentIdParam, ifNoneMatch],
        responses: { '200': atom('Il feed (RFC 4287).'), ...notModified, ...failures(404) },
      },
    },
    [`${api}/reports/{documentId}`]: {
      get: {
        operationId: 'getReport',
        tags: [TAGS.archive],
        summary: 'Una segnalazione pubblicata',
        parameters: [documentIdParam, ifNoneMatch],
        responses: { '200': ok('La segnalazione.', envelope(ref('PublicReport'))), ...notModified, ...failures(400, 404) },
      },
    },
    [`${api}/statistics`]: {
      get: {
        operationId: 'getStatistics',
        tags: [TAGS.archive],
        summary: 'Le statistiche pubbliche',
        description:
          'Totali per stato, categoria, ufficio e mese, tempi mediani e quota entro i tempi promessi. Solo aggregati: ogni cella (giorno × categoria) con meno di 5 segnalazioni è esclusa.',
        parameters: [
          query('from', 'Inviate da questo giorno (ora di Roma), incluso.', day('AAAA-MM-GG')),
          query('to', 'Inviate fino a questo giorno (ora di Roma), incluso.', day('AAAA-MM-GG')),
          query('category', 'Lo `slug` di una categoria.', { type: 'string' }),
          ifNoneMatch,
        ],
        responses: { '200': ok('Le statistiche.', ref('Statistics')), ...notModified, ...failures(400, 503) },
      },
    },
  };
}

function openDataPaths(api: string): Paths {
  const download = (operationId: string, summary: string, type: string, schema: JsonSchema) => ({
    get: {
      operationId,
      tags: [TAGS.openData],
      summary,
      description: 'Licenza CC BY 4.0 (intestazione `Link` con `rel="license"`).',
      parameters: [ifNoneMatch],
      responses: { '200': { description: summary, content: { [type]: { schema } } }, ...notModified },
    },
  });
  return {
    [`${api}/opendata/reports.csv`]: download('openDataCsv', 'Le segnalazioni pubblicate in CSV', 'text/csv', {
      type: 'string',
      description: 'RFC 4180, UTF-8, con intestazione: le colonne di OpenDataRow. Un testo che inizia con = + - @ ha un apostrofo davanti.',
    }),
    [`${api}/opendata/reports.json`]: download('openDataJson', 'Le segnalazioni pubblicate in JSON', 'application/json', {
      type: 'array',
      items: ref('OpenDataRow'),
    }),
    [`${api}/opendata/dataset.jsonld`]: download('openDataDataset', 'La descrizione del dataset (DCAT-AP_IT)', 'application/ld+json', ref('Dataset')),
  };
}

function citizenPaths(restPrefix: string, api: string): Paths {
  const submission = object(
    {
      title: { type: 'string', minLength: 1 },
      description: { type: 'string', minLength: 1 },
      category: { type: 'string', description: 'Lo `slug` di una categoria attiva.' },
      address: { type: 'string' },
      latitude: { type: 'number' },
      longitude: { type: 'number' },
    },
    { optional: ['address', 'latitude', 'longitude'] },
  );
  const multipart = (required: boolean) => ({
    required,
    content: {
      'multipart/form-data': {
        schema: object(
          {
            data: { type: 'string', contentMediaType: 'application/json', contentSchema: submission, description: 'La segnalazione in JSON.' },
            photos: {
              type: 'array',
              maxItems: MAX_PHOTOS,
              items: { type: 'string', contentEncoding: 'binary' },
              description: 'Fino a 5 foto JPEG, PNG o WebP.',
            },
          },
          { optional: required ? ['photos'] : ['data', 'photos'] },
        ),
      },
    },
  });
  const ownReport = envelope(ref('OwnReport'));
  const user = { type: 'object', required: ['id', 'email'], properties: { id: { type: 'integer' }, email: { type: 'string' } } };
  return {
    [`${restPrefix}/auth/local/register`]: {
      post: {
        operationId: 'register',
        tags: [TAGS.citizens],
        summary: 'Registrarsi',
        description: 'Arriva una mail con il collegamento di conferma; la risposta è la stessa per ogni indirizzo.',
        requestBody: {
          required: true,
          content: json(
            object(
              {
                username: { type: 'string' },
                email: { type: 'string', format: 'email' },
                password: { type: 'string' },
                firstName: { type: 'string' },
                lastName: { type: 'string' },
                language: { enum: [...LOCALES], default: 'it', description: 'La lingua delle mail.' },
              },
              { optional: ['language'] },
            ),
          ),
        },
        responses: {
          '200': ok(
            'Registrazione ricevuta: confermare l’indirizzo dalla mail. La risposta ripete la richiesta, uguale per un indirizzo nuovo o già registrato.',
            object({
              user: object({
                username: { type: 'string' },
                email: { type: 'string' },
                firstName: { type: 'string' },
                lastName: { type: 'string' },
                language: { enum: [...LOCALES] },
                confirmed: { const: false },
                blocked: { const: false },
              }),
            }),
          ),
          ...failures(400, 429),
        },
      },
    },
    [`${restPrefix}/auth/local`]: {
      post: {
        operationId: 'logIn',
        tags: [TAGS.citizens],
        summary: 'Accedere',
        requestBody: { required: true, content: json(object({ identifier: { type: 'string' }, password: { type: 'string' } })) },
        responses: {
          '200': ok('Il token da mandare come `Authorization: Bearer …`.', {
            type: 'object',
            required: ['jwt', 'user'],
            properties: { jwt: { type: 'string' }, user },
          }),
          ...failures(400, 429),
        },
      },
    },
    [`${api}/reports`]: {
      post: {
        operationId: 'submitReport',
        tags: [TAGS.citizens],
        summary: 'Inviare una segnalazione',
        security: citizen,
        parameters: [
          {
            name: IDEMPOTENCY_HEADER,
            in: 'header',
            description:
              'Una chiave scelta dal client (8–128 caratteri ASCII stampabili): ripetere l’invio con la stessa chiave non crea una seconda segnalazione.',
            schema: { type: 'string', minLength: 8, maxLength: 128 },
          },
        ],
        requestBody: multipart(true),
        responses: {
          '201': ok('Creata.', ownReport),
          '200': ok('Già creata da un invio con la stessa chiave.', ownReport),
          ...failures(400, 401, 403, 413, 415, 422, 429, 503),
        },
      },
    },
    [`${api}/my/reports`]: {
      get: {
        operationId: 'listOwnReports',
        tags: [TAGS.citizens],
        summary: 'Le proprie segnalazioni',
        security: citizen,
        parameters: [
          query('page', 'Il numero di pagina.', { type: 'integer', minimum: 1, default: 1 }),
          query('pageSize', 'Segnalazioni per pagina.', { type: 'integer', minimum: 1, maximum: 100, default: 25 }),
        ],
        responses: {
          '200': ok(
            'Dalla più recente.',
            envelope(
              { type: 'array', items: ref('OwnReport') },
              object({
                pagination: object({ page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } }),
              }),
            ),
          ),
          ...failures(400, 401, 403),
        },
      },
    },
    [`${api}/my/reports/{documentId}`]: {
      get: {
        operationId: 'getOwnReport',
        tags: [TAGS.citizens],
        summary: 'Una propria segnalazione',
        security: citizen,
        parameters: [documentIdParam],
        responses: { '200': ok('La segnalazione, con la sua storia.', ownReport), ...failures(400, 401, 403, 404) },
      },
      put: {
        operationId: 'editOwnReport',
        tags: [TAGS.citizens],
        summary: 'Modificare una propria segnalazione',
        description: 'Solo finché non è stata presa in carico; i campi non inviati restano come sono.',
        security: citizen,
        parameters: [documentIdParam],
        requestBody: multipart(false),
        responses: { '200': ok('Modificata.', ownReport), ...failures(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    [`${api}/follow/{token}`]: {
      get: {
        operationId: 'followReport',
        tags: [TAGS.following],
        summary: 'Una segnalazione aperta dal collegamento personale',
        description: 'Il collegamento che ogni messaggio al cittadino porta con sé: apre la sua segnalazione senza password, fino alla scadenza o alla revoca.',
        parameters: [followToken],
        responses: { '200': ok('La segnalazione, con la sua storia.', ref('FollowedReport')), ...failures(404, 410, 429) },
      },
    },
    [`${api}/follow/{token}/revoke`]: {
      post: {
        operationId: 'revokeFollowLinks',
        tags: [TAGS.following],
        summary: 'Revocare i collegamenti personali di una segnalazione',
        description: 'Ogni collegamento dato finora smette di funzionare; il prossimo messaggio ne porta uno nuovo.',
        parameters: [followToken],
        responses: { '200': ok('Revocati.', ref('Revoked')), ...failures(404, 410, 429) },
      },
    },
    [`${api}/ratings`]: {
      post: {
        operationId: 'rateService',
        tags: [TAGS.rating],
        summary: 'Valutare il servizio',
        description:
          'Il componente di valutazione del modello Designers Italia: «Quanto è stato facile usare questo servizio?» da 1 a 5 stelle, una delle risposte del modello (dove è andata bene da 4 stelle, dove è stato difficile sotto), qualche parola. Anonima.',
        requestBody: {
          required: true,
          content: json(
            object(
              {
                page: { enum: [...RATED_PAGES] },
                stars: { type: 'integer', minimum: 1, maximum: 5 },
                answer: { enum: [...RATING_ANSWERS] },
                detail: { type: 'string', maxLength: MAX_RATING_DETAIL },
              },
              { optional: ['detail'] },
            ),
          ),
        },
        responses: { '201': ok('Registrata.', envelope(object({ recorded: { const: true } }))), ...failures(400, 429) },
      },
    },
    [`${api}/lookup`]: {
      get: {
        operationId: 'lookupReport',
        tags: [TAGS.following],
        summary: 'A che punto è una segnalazione, dal suo riferimento',
        parameters: [query('reference', 'Il riferimento del messaggio di ricevuta (maiuscole o minuscole).', { type: 'string' }, true)],
        responses: { '200': ok('Stato, date, protocollo e risposte pubbliche.', ref('ReportStatus')), ...failures(400, 404, 429) },
      },
    },
    [`${api}/my/language`]: {
      put: {
        operationId: 'setLanguage',
        tags: [TAGS.citizens],
        summary: 'La lingua delle proprie mail',
        security: citizen,
        requestBody: { required: true, content: json(object({ language: { enum: [...LOCALES] } })) },
        responses: { '200': ok('La lingua scelta.', ref('Language')), ...failures(400, 401, 403) },
      },
    },
  };
}

function open311Paths(): Paths {
  const format: Parameter = {
    name: 'format',
    in: 'path',
    required: true,
    description: '`xml` (il formato richiesto dalla specifica) o `json`.',
    schema: { enum: [...OPEN311_FORMATS] },
  };
  const document = (description: string, schema: JsonSchema): Response => ({
    description,
    content: {
      'application/json': { schema },
      'text/xml': { schema: { type: 'string', description: 'Gli stessi oggetti in XML, come li scrive la specifica.' } },
    },
  });
  const errorsOf = (...statuses: readonly number[]) =>
    Object.fromEntries(statuses.map((status) => [String(status), document(ERROR_MEANINGS[status], ref('Open311Errors'))]));
  const operation = (
    operationId: string,
    summary: string,
    schema: JsonSchema,
    parameters: readonly Parameter[] = [],
    statuses: readonly number[] = [404],
  ): Operation => ({
    operationId,
    tags: [TAGS.open311],
    summary,
    parameters: [format, ...parameters],
    responses: { '200': document(summary, schema), ...errorsOf(...statuses) },
  });
  const w3cDate = (name: string, description: string) => query(name, description, { type: 'string', format: 'date-time' });
  const V2 = '/open311/v2';
  const newRequest = object(
    {
      api_key: { type: 'string', description: 'Un token API di Strapi con il permesso Segnalazioni › open311 › create.' },
      service_code: { type: 'string' },
      lat: { type: 'number' },
      long: { type: 'number' },
      address_string: { type: 'string', maxLength: 200 },
      address_id: { type: 'string' },
      email: { type: 'string', format: 'email', description: 'Riceverà la ricevuta e ogni risposta.' },
      first_name: { type: 'string' },
      last_name: { type: 'string' },
      phone: { type: 'string' },
      description: { type: 'string', maxLength: 4000, description: 'La prima riga è il titolo.' },
      media_url: { type: 'string', format: 'uri', description: 'Conservato come collegamento per l’ufficio, mai scaricato.' },
      jurisdiction_id: { type: 'string' },
      device_id: { type: 'string' },
      account_id: { type: 'string' },
    },
    {
      optional: [
        'lat',
        'long',
        'address_string',
        'address_id',
        'email',
        'first_name',
        'last_name',
        'phone',
        'description',
        'media_url',
        'jurisdiction_id',
        'device_id',
        'account_id',
      ],
    },
  );
  return {
    [`${V2}/discovery.{format}`]: { get: operation('open311Discovery', 'Gli indirizzi e i formati del servizio', ref('Open311Discovery')) },
    [`${V2}/services.{format}`]: { get: operation('open311Services', 'I servizi: una per categoria attiva', ref('Open311Services')) },
    [`${V2}/services/{code}.{format}`]: {
      get: operation('open311ServiceDefinition', 'Le domande di un servizio', ref('Open311ServiceDefinition'), [
        { name: 'code', in: 'path', required: true, description: 'Il `service_code`.', schema: { type: 'string' } },
      ]),
    },
    [`${V2}/requests.{format}`]: {
      get: operation(
        'open311Requests',
        'Le segnalazioni pubblicate',
        ref('Open311Requests'),
        [
          query('service_request_id', 'Identificativi separati da virgole (riferimenti o protocolli come 2026-000123); esclude gli altri filtri.', {
            type: 'string',
          }),
          query('service_code', 'Servizi separati da virgole.', { type: 'string' }),
          w3cDate('start_date', 'Inviate da questo istante (al più 90 giorni prima di end_date).'),
          w3cDate('end_date', 'Inviate fino a questo istante.'),
          query('status', '`open`, `closed` o entrambi separati da virgola.', { type: 'string' }),
          query('q', 'Parole da cercare.', { type: 'string', maxLength: 200 }),
          query('bbox', 'Solo nel rettangolo `lngMin,latMin,lngMax,latMax`.', BBOX),
          query('page', 'Il numero di pagina.', { type: 'integer', minimum: 1, maximum: 400, default: 1 }),
          query('page_size', 'Richieste per pagina.', { type: 'integer', minimum: 1, maximum: 100, default: 50 }),
        ],
        [400, 404],
      ),
      post: {
        operationId: 'open311CreateRequest',
        tags: [TAGS.open311],
        summary: 'Inviare una segnalazione',
        description:
          'Entra come ogni altra segnalazione (canale open311): moderata, smistata e seguita nei tempi. Serve `lat`+`long` o `address_string`; le risposte alle domande del servizio come `attribute[codice]`.',
        parameters: [format],
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { ...newRequest, additionalProperties: true } } } },
        responses: { '201': document('Ricevuta: l’identificativo da seguire.', ref('Open311Created')), ...errorsOf(400, 403, 404, 429) },
      },
    },
    [`${V2}/requests/{id}.{format}`]: {
      get: operation('open311Request', 'Una segnalazione pubblicata', ref('Open311Requests'), [
        { name: 'id', in: 'path', required: true, description: 'Il riferimento (o il protocollo come 2026-000123).', schema: { type: 'string' } },
      ]),
    },
    [`${V2}/servicerequestupdates.{format}`]: {
      get: operation(
        'open311Updates',
        'Le risposte pubbliche come aggiornamenti (estensione di mySociety)',
        ref('Open311Updates'),
        [w3cDate('start_date', 'Dall’istante.'), w3cDate('end_date', 'Fino all’istante.')],
        [400, 404],
      ),
      post: {
        operationId: 'open311PostUpdate',
        tags: [TAGS.open311],
        summary: 'Inoltrare un commento su una segnalazione (estensione di mySociety)',
        description:
          'Per le segnalazioni pubblicate e per quelle inviate dallo stesso servizio: il commento arriva all’ufficio come nota, non è pubblico e non cambia lo stato. Lo stesso `update_id` ripetuto non crea una seconda nota (risposta 200).',
        parameters: [format],
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                ...object(
                  {
                    api_key: { type: 'string', description: 'Un token API di Strapi con il permesso Segnalazioni › open311 › create.' },
                    service_request_id: { type: 'string' },
                    description: { type: 'string', maxLength: 4000 },
                    status: { enum: [...STATUS_HINTS], description: 'Lo stato secondo chi scrive; l’ufficio decide.' },
                    update_id: { type: 'string', maxLength: 100, description: 'L’identificativo del commento presso il servizio.' },
                    updated_datetime: { type: 'string', format: 'date-time' },
                    first_name: { type: 'string' },
                    last_name: { type: 'string' },
                    email: { type: 'string', format: 'email' },
                    media_url: { type: 'string', format: 'uri', description: 'Conservato come collegamento per l’ufficio, mai scaricato.' },
                  },
                  { optional: ['status', 'update_id', 'updated_datetime', 'first_name', 'last_name', 'email', 'media_url'] },
                ),
                additionalProperties: true,
              },
            },
          },
        },
        responses: {
          '201': document('La nota creata.', ref('Open311UpdateCreated')),
          '200': document('Già ricevuto con lo stesso `update_id`.', ref('Open311UpdateCreated')),
          ...errorsOf(400, 403, 404, 409, 429),
        },
      },
    },
  };
}

function placePaths(api: string): Paths {
  const off = { description: 'La ricerca degli indirizzi non è attiva (GEOCODER_URL vuoto).', content: json(ref('Error')) };
  return {
    [`${api}/places/search`]: {
      get: {
        operationId: 'searchPlaces',
        tags: [TAGS.places],
        summary: 'Cercare un indirizzo del Comune',
        description: 'Per la mappa del portale: il geocodificatore configurato, interrogato dal nostro server, solo entro il territorio comunale.',
        parameters: [query('q', 'L’indirizzo, anche parziale (3–200 caratteri).', { type: 'string', minLength: 3, maxLength: 200 }, true)],
        responses: {
          '200': ok('Fino a 5 luoghi, il più pertinente per primo.', envelope({ type: 'array', items: ref('Place') })),
          ...failures(400, 429, 503),
          '404': off,
        },
      },
    },
    [`${api}/places/reverse`]: {
      get: {
        operationId: 'reversePlace',
        tags: [TAGS.places],
        summary: 'L’indirizzo in un punto del Comune',
        parameters: [
          query('lat', 'Latitudine.', { type: 'number', minimum: -90, maximum: 90 }, true),
          query('lng', 'Longitudine.', { type: 'number', minimum: -180, maximum: 180 }, true),
        ],
        responses: { '200': ok('Il luogo, o null dove non se ne conosce uno.', envelope(nullableRef('Place'))), ...failures(400, 429, 503), '404': off },
      },
    },
  };
}

function documentationPaths(api: string): Paths {
  return {
    [`${api}/openapi.json`]: {
      get: {
        operationId: 'openApiDocument',
        tags: [TAGS.docs],
        summary: 'Questo documento (OpenAPI 3.1)',
        responses: {
          '200': {
            description: 'Il documento.',
            content: { 'application/vnd.oai.openapi+json': { schema: { type: 'object', required: ['openapi', 'paths'] } } },
          },
        },
      },
    },
    [`${api}/openapi.html`]: {
      get: {
        operationId: 'openApiPage',
        tags: [TAGS.docs],
        summary: 'Questo documento, da leggere',
        responses: { '200': { description: 'La pagina.', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
  };
}

/** Two operations on one address (GET and POST /reports) come from different groups: merged by method. */
function mergePaths(...groups: readonly Paths[]): Paths {
  const merged: Record<string, Partial<Record<Method, Operation>>> = {};
  for (const group of groups) for (const [path, operations] of Object.entries(group)) merged[path] = { ...merged[path], ...operations };
  return merged;
}

/** `restPrefix`: Strapi's REST prefix (`api.rest.prefix`, `/api` by default); Open311 is outside it. */
export function openApiDocument({
  baseUrl,
  restPrefix,
  municipality,
  version,
}: {
  baseUrl: string;
  restPrefix: string;
  municipality: string;
  version: string;
}): OpenApiDocument {
  const api = `${restPrefix}/segnalazioni`;
  return {
    openapi: '3.1.0',
    info: {
      title: `Sportello Segnalazioni — ${municipality}`,
      version,
      description:
        'Le segnalazioni dei cittadini sul territorio: l’archivio pubblico, i dati aperti, i servizi per i cittadini e Open311 GeoReport v2. Le risposte JSON seguono la busta `{ data, meta }` di Strapi; gli errori hanno il messaggio in italiano. Lo stesso archivio è servito anche in GraphQL a `/graphql`.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: baseUrl, description: municipality }],
    tags: [
      { name: TAGS.archive, description: 'Solo le segnalazioni pubblicate e i loro campi pubblici; risposte con `ETag`.' },
      { name: TAGS.openData, description: 'L’archivio pubblico da scaricare, con licenza CC BY 4.0.' },
      { name: TAGS.citizens, description: 'Per chi ha un account: inviare e seguire le proprie segnalazioni.' },
      { name: TAGS.open311, description: 'wiki.open311.org/GeoReport_v2, in XML o JSON secondo il suffisso; gli errori come li scrive la specifica.' },
      { name: TAGS.rating, description: 'Quanto è stato facile usare il servizio, secondo chi l’ha usato.' },
      { name: TAGS.following, description: 'Senza account: il collegamento personale dei messaggi al cittadino, e la ricerca per riferimento.' },
      { name: TAGS.places, description: 'La ricerca degli indirizzi per la mappa del portale, attraverso il nostro server.' },
      { name: TAGS.docs, description: 'Questa descrizione.' },
    ],
    paths: mergePaths(archivePaths(api), openDataPaths(api), citizenPaths(restPrefix, api), open311Paths(), placePaths(api), documentationPaths(api)),
    components: {
      schemas: SCHEMAS,
      securitySchemes: { citizenToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Il `jwt` di POST /auth/local.' } },
    },
  };
}
