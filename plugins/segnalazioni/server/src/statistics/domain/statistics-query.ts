import { z } from 'zod';
import { calendarDate, isOrderedRange, UNORDERED_RANGE } from '../../common/domain/calendar-date';
import { categoryParam, parseQueryParams } from '../../common/domain/query-params';
import type { Parsed } from '../../common/domain/input-errors';

const schema = z
  .strictObject({ from: calendarDate('from').optional(), to: calendarDate('to').optional(), category: categoryParam.optional() })
  .refine(isOrderedRange, UNORDERED_RANGE);

export type StatisticsQuery = z.output<typeof schema>;

export const parseStatisticsQuery = (raw: unknown): Parsed<StatisticsQuery> => parseQueryParams(schema, raw);
