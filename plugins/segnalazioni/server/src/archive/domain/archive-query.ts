import { z } from 'zod';
import { calendarDate, isOrderedRange, UNORDERED_RANGE } from '../../common/domain/calendar-date';
import { REPORT_STATUSES } from '../../workflow/domain/lifecycle';
import { plainText } from '../../common/domain/plain-text';
import { categoryParam, parseQueryParams } from '../../common/domain/query-params';
import type { Parsed } from '../../common/domain/input-errors';

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
  })
  .refine(isOrderedRange, UNORDERED_RANGE);

export type ArchiveQuery = Omit<z.output<typeof schema>, 'sort'> & { sort: 'newest' | 'oldest' | 'relevance' };

export function parseArchiveQuery(raw: unknown): Parsed<ArchiveQuery> {
  const parsed = parseQueryParams(schema, raw);
  if (!parsed.ok) return parsed;
  const q = plainText(parsed.value.q ?? '', 'line') || undefined;
  // Relevance needs words to rank by; without them the newest come first.
  const sort = parsed.value.sort ?? (q ? 'relevance' : 'newest');
  return { ok: true, value: { ...parsed.value, q, sort: sort === 'relevance' && !q ? 'newest' : sort } };
}
