import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { readJsonField } from './domain/report-input';
import { findForbiddenKey, forbiddenKeyProblem } from '../http/domain/request-body';
import { orThrow } from '../common/errors';
import type { IncomingFile } from '../photos/photos';
import { inSentOrder } from '../photos/upload-order';

const PHOTO_FIELD = 'photos';

type RawFile = IncomingFile & { filepath: string };

const asList = (value: RawFile | RawFile[] | undefined): RawFile[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Reads a report request: `data` (JSON in a multipart field, or the JSON body itself) and the
 * files of the `photos` field, and calls `handle`. The parser's temp files are removed by the
 * parser once the request is over (http/multipart.ts).
 */
export async function withReportRequest<T>(ctx: Context, handle: (data: unknown, photos: IncomingFile[]) => Promise<T>): Promise<T> {
  const files = (ctx.request as { files?: Record<string, RawFile | RawFile[]> }).files ?? {};
  const unexpected = Object.keys(files).filter((field) => field !== PHOTO_FIELD);
  if (unexpected.length > 0) {
    throw new errors.ValidationError(`Campi file non previsti: ${unexpected.join(', ')}. Le foto vanno nel campo "photos".`);
  }
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const data = orThrow(ctx.is('multipart') ? readJsonField(body.data) : readJsonField(body.data ?? null));
  // The JSON body was checked by the body parser; the `data` field of a multipart body is read here.
  const key = findForbiddenKey(data);
  if (key) {
    const problem = forbiddenKeyProblem(`data.${key}`);
    throw new errors.ValidationError(problem.message, problem.details);
  }
  return handle(data, inSentOrder(asList(files[PHOTO_FIELD])));
}
