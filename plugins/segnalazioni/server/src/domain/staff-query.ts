import { z } from 'zod';
import { REPORT_CHANNELS } from './channels';
import { REPORT_STATUSES } from './lifecycle';
import { plainText } from './plain-text';
import type { Parsed } from './report-input';

/** The panel's queue query: tabs by status, filters (`triage`: no category yet), search, sort and page. */
const schema = z.strictObject({
  status: z.enum(REPORT_STATUSES, { error: `status: uno tra ${REPORT_STATUSES.join(', ')}.` }).optional(),
  category: z.string().trim().min(1).max(64).optional(),
  office: z.string().trim().min(1).max(64).optional(),
  channel: z.enum(REPORT_CHANNELS, { error: `channel: uno tra ${REPORT_CHANNELS.join(', ')}.` }).optional(),
  q: z.string().trim().max(200, { error: 'q: al massimo 200 caratteri.' }).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue: true o false.' }).transform((value) => value === 'true').optional(),
  triage: z.enum(['true', 'false'], { error: 'triage: true o false.' }).transform((value) => value === 'true').optional(),
  sort: z.enum(['newest', 'oldest', 'updated'], { error: 'sort: newest, oldest o updated.' }).default('newest'),
  page: z.coerce.number({ error: 'page: un numero.' }).int().min(1, { error: 'page: almeno 1.' }).max(100000).default(1),
  pageSize: z.coerce.number({ error: 'pageSize: un numero.' }).int().min(1).max(100, { error: 'pageSize: al massimo 100.' }).default(20),
});

export type StaffQuery = z.output<typeof schema>;

export function parseStaffQuery(raw: unknown): Parsed<StaffQuery> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return { ok: true, value: { ...result.data, q: plainText(result.data.q ?? '', 'line') || undefined } };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.code === 'unrecognized_keys' ? `Parametri non previsti: ${issue.keys.join(', ')}.` : issue.message,
    })),
  };
}
