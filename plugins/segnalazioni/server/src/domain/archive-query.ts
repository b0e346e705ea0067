import { z } from 'zod';
import { REPORT_STATUSES } from './lifecycle';
import { plainText } from './plain-text';
import type { Parsed } from './report-input';

/** The public archive's query, as the contract states it. */
const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: una data AAAA-MM-GG.` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: `${label}: data inesistente.` });

const schema = z
  .strictObject({
    q: z.string().trim().max(200, { error: 'q: al massimo 200 caratteri.' }).optional(),
    category: z.string().trim().min(1).max(120).optional(),
    status: z.enum(REPORT_STATUSES, { error: `status: uno tra ${REPORT_STATUSES.join(', ')}.` }).optional(),
    from: isoDate('from').optional(),
    to: isoDate('to').optional(),
    page: z.coerce.number({ error: 'page: un numero.' }).int({ error: 'page: un numero intero.' }).min(1, { error: 'page: almeno 1.' }).max(10000, { error: 'page: al massimo 10000.' }).default(1),
    pageSize: z.coerce.number({ error: 'pageSize: un numero.' }).int({ error: 'pageSize: un numero intero.' }).min(1, { error: 'pageSize: almeno 1.' }).max(100, { error: 'pageSize: al massimo 100.' }).default(25),
    sort: z.enum(['newest', 'oldest', 'relevance'], { error: 'sort: newest, oldest o relevance.' }).optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { error: 'from: deve precedere to.', path: ['from'] });

export type ArchiveQuery = Omit<z.output<typeof schema>, 'sort'> & { sort: 'newest' | 'oldest' | 'relevance' };

export function parseArchiveQuery(raw: unknown): Parsed<ArchiveQuery> {
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.code === 'unrecognized_keys' ? `Parametri non previsti: ${issue.keys.join(', ')}.` : issue.message,
      })),
    };
  }
  const q = plainText(result.data.q ?? '', 'line') || undefined;
  // Relevance needs words to rank by; without them the newest come first.
  const sort = result.data.sort ?? (q ? 'relevance' : 'newest');
  return { ok: true, value: { ...result.data, q, sort: sort === 'relevance' && !q ? 'newest' : sort } };
}
