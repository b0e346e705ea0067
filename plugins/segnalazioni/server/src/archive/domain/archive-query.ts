import { z } from 'zod';
import { calendarDate, isOrderedRange, UNORDERED_RANGE } from '../../common/domain/calendar-date';
import { REPORT_STATUSES } from '../../workflow/domain/lifecycle';
import { plainText } from '../../common/domain/plain-text';
import { categoryParam, parseQueryParams } from '../../common/domain/query-params';
import type { Parsed } from '../../common/domain/input-errors';
import { bboxParam, nearParam, placeFilterOf, radiusNeedsNear, radiusParam, RADIUS_WITHOUT_NEAR, type PlaceFilter } from './place-filter';
import { decodeCursor, isWithinPagedReach, MAX_PAGED_REPORTS, type ArchiveCursor } from './archive-cursor';

/** The public archive's query, as the contract states it. Every string is bounded. */
const schema = z
  .strictObject({
    q: z.string({ error: 'q: un testo da cercare.' }).trim().max(200, { error: 'q: al massimo 200 caratteri.' }).optional(),
    category: categoryParam.optional(),
    status: z.enum(REPORT_STATUSES, { error: `status: uno tra ${REPORT_STATUSES.join(', ')}.` }).optional(),
    from: calendarDate('from').optional(),
    to: calendarDate('to').optional(),
    page: z.coerce
      .number({ error: 'page: un numero.' })
      .int({ error: 'page: un numero intero.' })
      .min(1, { error: 'page: almeno 1.' })
      .max(10000, { error: 'page: al massimo 10000.' })
      .default(1),
    pageSize: z.coerce
      .number({ error: 'pageSize: un numero.' })
      .int({ error: 'pageSize: un numero intero.' })
      .min(1, { error: 'pageSize: almeno 1.' })
      .max(100, { error: 'pageSize: al massimo 100.' })
      .default(25),
    sort: z.enum(['newest', 'oldest', 'relevance'], { error: 'sort: newest, oldest o relevance.' }).optional(),
    cursor: z.string({ error: 'cursor: il valore di meta.cursor.next di una pagina precedente.' }).max(64, { error: 'cursor: non valido.' }).optional(),
    bbox: bboxParam.optional(),
    near: nearParam.optional(),
    radius: radiusParam.optional(),
  })
  .refine(isOrderedRange, UNORDERED_RANGE)
  .refine(radiusNeedsNear, RADIUS_WITHOUT_NEAR)
  .refine((query) => query.cursor === undefined || query.page === 1, {
    error: 'page e cursor non vanno insieme: il cursor sa già a quale pagina porta.',
    path: ['cursor'],
  })
  .refine((query) => isWithinPagedReach(query.page, query.pageSize), {
    error: `page: i numeri di pagina arrivano alle prime ${MAX_PAGED_REPORTS.toLocaleString('it-IT')} segnalazioni; oltre si prosegue con cursor (meta.cursor.next).`,
    path: ['page'],
  });

export type ArchiveSort = 'newest' | 'oldest' | 'relevance';

export type ArchiveQuery = Omit<z.output<typeof schema>, 'sort' | 'cursor' | 'bbox' | 'near' | 'radius'> & {
  sort: ArchiveSort;
  /** Only reports whose public place is in this box or circle (reports without one never are). */
  place?: PlaceFilter;
  /** Where the page starts, for keyset pagination: right after the report this cursor names. */
  after?: ArchiveCursor;
};

export function parseArchiveQuery(raw: unknown): Parsed<ArchiveQuery> {
  const parsed = parseQueryParams(schema, raw);
  if (!parsed.ok) return parsed;
  const q = plainText(parsed.value.q ?? '', 'line') || undefined;
  const { cursor: text, bbox, near, radius, ...rest } = parsed.value;
  const place = placeFilterOf({ bbox, near, radius });
  const query = place ? { ...rest, place } : rest;
  const after = text === undefined ? undefined : decodeCursor(text);
  if (after === null) return cursorError("cursor: non valido; si usa il valore di meta.cursor.next così com'è.");
  // Relevance needs words to rank by; without them the newest come first. A cursor keeps its order.
  const requested = query.sort ?? after?.sort ?? (q ? 'relevance' : 'newest');
  const sort = requested === 'relevance' && !q ? 'newest' : requested;
  if (!after) return { ok: true, value: { ...query, q, sort } };
  // Only the orders by date follow a cursor: a page of relevance has no place in publication order.
  if (after.sort !== sort) return cursorError(`cursor: vale per sort=${after.sort}, non per sort=${sort}.`);
  return { ok: true, value: { ...query, q, sort, page: after.page, after } };
}

const cursorError = (message: string): Parsed<ArchiveQuery> => ({ ok: false, errors: [{ path: 'cursor', message }] });
