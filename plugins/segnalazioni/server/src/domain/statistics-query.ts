import { z } from 'zod';
import type { Parsed } from './report-input';

const date = (label: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}: una data AAAA-MM-GG.` });

const schema = z
  .strictObject({ from: date('from').optional(), to: date('to').optional(), category: z.string().trim().min(1).max(120).optional() })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { error: 'from: deve precedere to.', path: ['from'] });

export type StatisticsQuery = z.output<typeof schema>;

export function parseStatisticsQuery(raw: unknown): Parsed<StatisticsQuery> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.code === 'unrecognized_keys' ? `Parametri non previsti: ${issue.keys.join(', ')}.` : issue.message,
    })),
  };
}
