import { z } from 'zod';
import { REPORT_CHANNELS } from '../../channels/domain/channels';
import { documentIdField } from '../../common/domain/ids';
import { REPORT_STATUSES } from '../../workflow/domain/lifecycle';
import { plainText } from '../../common/domain/plain-text';
import { parseQueryParams } from '../../common/domain/query-params';
import type { Parsed } from '../../common/domain/input-errors';
import { nearParam, radiusNeedsNear, radiusParam, RADIUS_WITHOUT_NEAR } from '../../archive/domain/place-filter';

/**
 * The panel's queue query: tabs by status, filters (`triage`: no category yet; `near`: the reports whose
 * citizen's point is around a point, as the public archive reads `near` and `radius`), search, sort and page.
 */
const schema = z
  .strictObject({
    status: z.enum(REPORT_STATUSES, { error: `status: uno tra ${REPORT_STATUSES.join(', ')}.` }).optional(),
    category: documentIdField('category').optional(),
    office: documentIdField('office').optional(),
    channel: z.enum(REPORT_CHANNELS, { error: `channel: uno tra ${REPORT_CHANNELS.join(', ')}.` }).optional(),
    q: z.string().trim().max(200, { error: 'q: al massimo 200 caratteri.' }).optional(),
    overdue: z
      .enum(['true', 'false'], { error: 'overdue: true o false.' })
      .transform((value) => value === 'true')
      .optional(),
    triage: z
      .enum(['true', 'false'], { error: 'triage: true o false.' })
      .transform((value) => value === 'true')
      .optional(),
    sort: z.enum(['newest', 'oldest', 'updated'], { error: 'sort: newest, oldest o updated.' }).default('newest'),
    page: z.coerce.number({ error: 'page: un numero.' }).int().min(1, { error: 'page: almeno 1.' }).max(100000).default(1),
    pageSize: z.coerce.number({ error: 'pageSize: un numero.' }).int().min(1).max(100, { error: 'pageSize: al massimo 100.' }).default(20),
    near: nearParam.optional(),
    radius: radiusParam.optional(),
  })
  .refine(radiusNeedsNear, RADIUS_WITHOUT_NEAR);

export type StaffQuery = z.output<typeof schema>;

export function parseStaffQuery(raw: unknown): Parsed<StaffQuery> {
  const parsed = parseQueryParams(schema, raw);
  return parsed.ok ? { ok: true, value: { ...parsed.value, q: plainText(parsed.value.q ?? '', 'line') || undefined } } : parsed;
}
