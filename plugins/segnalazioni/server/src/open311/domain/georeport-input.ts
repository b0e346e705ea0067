import { z } from 'zod';
import { bboxParam, type PlaceFilter } from '../../archive/domain/place-filter';
import { toParsed, type InputError, type Parsed } from '../../common/domain/input-errors';
import { plainText, truncate, visibleLength } from '../../common/domain/plain-text';
import { blankAsMissing, optionalEmail, optionalPhone, parseSubmission, TITLE_LENGTH, type SubmissionInput } from '../../intake/domain/report-input';
import type { BoundingBox } from '../../places/domain/territory';
import { identifiersOf, STATUS_HINTS, type GeoReportStatus, type RequestIdentifiers, type StatusHint } from './georeport';

/**
 * What GeoReport v2 clients send, checked at the edge: a new service request (`POST requests`,
 * form-encoded) becomes the same submission every channel makes, and a search of requests
 * (`GET requests`) the archive's filters. Messages in Italian, naming the spec's parameters.
 */

const text = (label: string, max: number) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ error: `${label}: un testo.` })
      .max(max, { error: `${label}: al massimo ${max} caratteri.` })
      .optional(),
  );
const decimal = (label: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ error: `${label}: un numero decimale.` })
      .trim()
      .regex(/^-?\d{1,3}(\.\d{1,12})?$/, { error: `${label}: un numero decimale, per esempio 45.5628.` })
      .transform(Number)
      .optional(),
  );

/** The key clients send with every write (a Strapi API token), bounded before it is looked up. */
export const apiKeyParam = z.string({ error: 'api_key: la chiave del servizio.' }).trim().min(1, { error: 'api_key: la chiave del servizio.' }).max(512);

const attributeValue = z.union([z.string().max(2000), z.array(z.string().max(200)).max(50)], {
  error: 'attribute: ogni risposta è un testo, o un elenco di testi per le scelte multiple.',
});

// Some clients send one media_url per photo: the first is kept.
const mediaUrl = z.preprocess(
  (value) => blankAsMissing(Array.isArray(value) ? value[0] : value),
  z
    .string({ error: 'media_url: un indirizzo http o https.' })
    .trim()
    .max(500, { error: 'media_url: al massimo 500 caratteri.' })
    .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), { error: 'media_url: un indirizzo http o https.' })
    .optional(),
);

// Parameters a client adds beyond the spec (FixMyStreet's `deviceid`, `title`…) are left out, not refused.
const postSchema = z.object(
  {
    jurisdiction_id: text('jurisdiction_id', 100),
    service_code: z
      .string({ error: 'service_code: il codice di un servizio (GET services).' })
      .trim()
      .min(1, { error: 'service_code: obbligatorio.' })
      .max(120),
    lat: decimal('lat'),
    long: decimal('long'),
    address_string: text('address_string', 200),
    address_id: text('address_id', 100),
    email: optionalEmail('email'),
    device_id: text('device_id', 200),
    account_id: text('account_id', 200),
    first_name: text('first_name', 100),
    last_name: text('last_name', 100),
    phone: optionalPhone('phone'),
    description: text('description', 4000),
    media_url: mediaUrl,
    attribute: z.record(z.string().max(40), attributeValue, { error: 'attribute: le risposte come attribute[codice]=valore.' }).optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'La richiesta va inviata come application/x-www-form-urlencoded.' : undefined) },
);

export interface ServiceRequestInput {
  readonly submission: SubmissionInput;
  readonly contact: { readonly name: string | null; readonly phone: string | null; readonly email: string | null };
  readonly answers: Readonly<Record<string, string | readonly string[]>>;
  readonly mediaUrl: string | null;
}

/** A person's name from GeoReport's `first_name` and `last_name`, as plain text ('' for none). */
const fullName = (first: string | undefined, last: string | undefined) =>
  [first, last]
    .map((part) => plainText(part ?? '', 'line'))
    .filter(Boolean)
    .join(' ');

/** The title of a request that has none: the description's first line, as a citizen would title it. */
function titleOf(description: string): string {
  const firstLine = truncate(plainText(description.split(/\r?\n/, 1)[0] ?? '', 'line'), TITLE_LENGTH.max);
  return visibleLength(firstLine) >= TITLE_LENGTH.min ? firstLine : 'Segnalazione ricevuta tramite Open311';
}

/** A new service request as a submission, within the municipality's territory. */
export function parseServiceRequest(raw: unknown, territory: BoundingBox | null): Parsed<ServiceRequestInput> {
  const parsed = toParsed(postSchema.safeParse(raw ?? {}));
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const errors: InputError[] = [];
  if ((request.lat === undefined) !== (request.long === undefined)) errors.push({ path: 'lat', message: 'lat e long: indicarli entrambi.' });
  if (request.lat === undefined && request.address_string === undefined) {
    errors.push({
      path: 'lat',
      message: request.address_id
        ? 'address_id: non gestito da questo servizio; indicare lat e long, oppure address_string.'
        : 'Posizione: indicare lat e long, oppure address_string.',
    });
  }
  if (request.description === undefined) errors.push({ path: 'description', message: 'description: la descrizione del problema è obbligatoria.' });
  if (errors.length) return { ok: false, errors };
  const description = request.description as string;
  const submission = parseSubmission(
    {
      title: titleOf(description),
      description,
      category: request.service_code,
      address: request.address_string ?? null,
      latitude: request.lat ?? null,
      longitude: request.long ?? null,
    },
    territory,
  );
  if (!submission.ok) return submission;
  const name = fullName(request.first_name, request.last_name);
  return {
    ok: true,
    value: {
      submission: submission.value,
      contact: { name: name || null, phone: request.phone ?? null, email: request.email ?? null },
      answers: request.attribute ?? {},
      mediaUrl: request.media_url ?? null,
    },
  };
}

/** At most this many days between `start_date` and `end_date` (the spec's default window too). */
export const MAX_WINDOW_DAYS = 90;
const DAY = 86_400_000;
const W3C = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const w3cDate = (label: string) =>
  z
    .string({ error: `${label}: una data W3C, per esempio 2026-03-15T09:30:00+01:00.` })
    .trim()
    .refine((value) => W3C.test(value) && !Number.isNaN(Date.parse(value)), { error: `${label}: una data W3C, per esempio 2026-03-15T09:30:00+01:00.` })
    .transform((value) => Date.parse(value));
const commaList = <T>(label: string, item: z.ZodType<T, string>, max: number) =>
  z
    .string({ error: `${label}: un elenco separato da virgole.` })
    .max(4000)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(item)
        .min(1, { error: `${label}: almeno un valore.` })
        .max(max, { error: `${label}: al massimo ${max} valori.` }),
    );

// As for a new request, parameters beyond these (api_key, jurisdiction_id, a client's own) are left out.
const getSchema = z.object({
  service_request_id: commaList(
    'service_request_id',
    z.string().refine((id) => identifiersOf([id]) !== null, { error: 'service_request_id: identificativi come 7K3M-Q9XA (o protocolli come 2026-000123).' }),
    100,
  ).optional(),
  service_code: commaList('service_code', z.string().max(120), 50).optional(),
  start_date: w3cDate('start_date').optional(),
  end_date: w3cDate('end_date').optional(),
  status: commaList('status', z.enum(['open', 'closed'], { error: 'status: open o closed.' }), 2).optional(),
  q: z.string().trim().max(200, { error: 'q: al massimo 200 caratteri.' }).optional(),
  page: z.coerce.number({ error: 'page: un numero.' }).int({ error: 'page: un numero intero.' }).min(1, { error: 'page: almeno 1.' }).max(400).default(1),
  page_size: z.coerce
    .number({ error: 'page_size: un numero.' })
    .int({ error: 'page_size: un numero intero.' })
    .min(1, { error: 'page_size: almeno 1.' })
    .max(100, { error: 'page_size: al massimo 100.' })
    .default(50),
  bbox: bboxParam.optional(),
});

/** A search of service requests: by ids (which override the rest), or by services, window, status and words. */
export type RequestsQuery =
  | { readonly kind: 'ids'; readonly identifiers: RequestIdentifiers }
  | {
      readonly kind: 'search';
      readonly serviceCodes: readonly string[] | null;
      readonly sinceMs: number;
      readonly untilMs: number;
      readonly statuses: readonly GeoReportStatus[] | null;
      readonly q?: string;
      /** `bbox=minLng,minLat,maxLng,maxLat` (the archive's): only requests whose public point is inside. */
      readonly place?: PlaceFilter;
      readonly page: number;
      readonly pageSize: number;
    };

/** A window of instants: the last 90 days unless given, never longer. */
function windowOf(
  { start_date: start, end_date: end }: { start_date?: number; end_date?: number },
  nowMs: number,
): Parsed<{ sinceMs: number; untilMs: number }> {
  const untilMs = end ?? (start !== undefined ? Math.min(nowMs, start + MAX_WINDOW_DAYS * DAY) : nowMs);
  const sinceMs = start ?? untilMs - MAX_WINDOW_DAYS * DAY;
  if (sinceMs > untilMs) return { ok: false, errors: [{ path: 'start_date', message: 'start_date: deve precedere end_date.' }] };
  if (untilMs - sinceMs > MAX_WINDOW_DAYS * DAY)
    return { ok: false, errors: [{ path: 'end_date', message: `start_date e end_date: al massimo ${MAX_WINDOW_DAYS} giorni di distanza.` }] };
  return { ok: true, value: { sinceMs, untilMs } };
}

/** `GET requests` as a query, on the submission instants of a window (windowOf). */
export function parseRequestsQuery(raw: unknown, nowMs: number): Parsed<RequestsQuery> {
  const parsed = toParsed(getSchema.safeParse(raw ?? {}));
  if (!parsed.ok) return parsed;
  const query = parsed.value;
  if (query.service_request_id) return { ok: true, value: { kind: 'ids', identifiers: identifiersOf(query.service_request_id) as RequestIdentifiers } };
  const window = windowOf(query, nowMs);
  if (!window.ok) return window;
  const q = query.q ? plainText(query.q, 'line') || undefined : undefined;
  return {
    ok: true,
    value: {
      kind: 'search',
      serviceCodes: query.service_code ?? null,
      ...window.value,
      statuses: query.status ? [...new Set(query.status)] : null,
      q,
      ...(query.bbox ? { place: { box: query.bbox } } : {}),
      page: query.page,
      pageSize: query.page_size,
    },
  };
}

const updatesSchema = z.object({ start_date: w3cDate('start_date').optional(), end_date: w3cDate('end_date').optional() });

/** `GET servicerequestupdates` (mySociety's extension): the updates of a window of instants (windowOf). */
export function parseUpdatesQuery(raw: unknown, nowMs: number): Parsed<{ sinceMs: number; untilMs: number }> {
  const parsed = toParsed(updatesSchema.safeParse(raw ?? {}));
  return parsed.ok ? windowOf(parsed.value, nowMs) : parsed;
}

/**
 * mySociety's `POST servicerequestupdates`, as FixMyStreet sends it: a comment on a report, with
 * what its writer says of the report's state. Parameters beyond these (its `update_id_ext`,
 * `public_anonymity_required`, `email_alerts_requested`, `title`…) are left out.
 */
const COMMENT_REQUIRED = 'description: il testo del commento è obbligatorio.';
const updateSchema = z.object(
  {
    service_request_id: z
      .string({ error: 'service_request_id: l’identificativo della segnalazione (es. 7K3M-Q9XA).' })
      .trim()
      .max(40, { error: 'service_request_id: l’identificativo della segnalazione (es. 7K3M-Q9XA).' })
      .refine((id) => identifiersOf([id]) !== null, { error: 'service_request_id: l’identificativo della segnalazione (es. 7K3M-Q9XA).' }),
    description: z.preprocess(
      blankAsMissing,
      z
        .string({ error: COMMENT_REQUIRED })
        .max(4000, { error: 'description: al massimo 4000 caratteri.' })
        .transform((value) => plainText(value, 'lines'))
        .refine((value) => value !== '', { error: COMMENT_REQUIRED }),
    ),
    status: z.preprocess(
      (value) => (typeof value === 'string' ? blankAsMissing(value.trim().toUpperCase()) : value),
      z.enum(STATUS_HINTS, { error: `status: uno tra ${STATUS_HINTS.join(', ')}.` }).optional(),
    ),
    update_id: text('update_id', 100),
    updated_datetime: z.preprocess(blankAsMissing, w3cDate('updated_datetime').optional()),
    first_name: text('first_name', 100),
    last_name: text('last_name', 100),
    email: optionalEmail('email'),
    media_url: mediaUrl,
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'La richiesta va inviata come application/x-www-form-urlencoded.' : undefined) },
);

export interface RequestUpdateInput {
  readonly identifiers: RequestIdentifiers;
  readonly text: string;
  /** The writer's name and address, as the client gives them ('' when it gives none). */
  readonly author: string;
  readonly statusHint: StatusHint | null;
  readonly mediaUrl: string | null;
  /** The client's own id of the comment: a retry with the same one makes no second note. */
  readonly clientUpdateId: string | null;
}

export function parseRequestUpdate(raw: unknown): Parsed<RequestUpdateInput> {
  const parsed = toParsed(updateSchema.safeParse(raw ?? {}));
  if (!parsed.ok) return parsed;
  const update = parsed.value;
  const name = fullName(update.first_name, update.last_name);
  return {
    ok: true,
    value: {
      identifiers: identifiersOf([update.service_request_id]) as RequestIdentifiers,
      text: update.description,
      author: [name, update.email ? `<${update.email}>` : ''].filter(Boolean).join(' '),
      statusHint: update.status ?? null,
      mediaUrl: update.media_url ?? null,
      clientUpdateId: update.update_id ? plainText(update.update_id, 'line') || null : null,
    },
  };
}
