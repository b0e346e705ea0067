import { promises as fs } from 'fs';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import type { InputError, Parsed } from '../domain/report-input';
import { readJsonField } from '../domain/report-input';
import type { IncomingFile } from '../services/photos';
import { inSentOrder } from '../upload-order';

const PHOTO_FIELD = 'photos';

type RawFile = IncomingFile & { filepath: string };

const asList = (value: RawFile | RawFile[] | undefined): RawFile[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every file the parser left on disk for this request, whatever field it came in. */
function allFiles(ctx: Context): RawFile[] {
  const files = (ctx.request as { files?: Record<string, RawFile | RawFile[]> }).files ?? {};
  return Object.values(files).flatMap(asList);
}

/**
 * Reads a report request: `data` (JSON in a multipart field, or the JSON body itself) and the
 * files of the `photos` field. Calls `handle` and always removes the parser's temp files after.
 */
export async function withReportRequest<T>(ctx: Context, handle: (data: unknown, photos: IncomingFile[]) => Promise<T>): Promise<T> {
  try {
    const files = (ctx.request as { files?: Record<string, RawFile | RawFile[]> }).files ?? {};
    const unexpected = Object.keys(files).filter((field) => field !== PHOTO_FIELD);
    if (unexpected.length > 0) {
      throw new errors.ValidationError(`Campi file non previsti: ${unexpected.join(', ')}. Le foto vanno nel campo "photos".`);
    }
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const data = ctx.is('multipart') ? readJsonField(body.data) : readJsonField(body.data ?? null);
    return await handle(orThrow(data), inSentOrder(asList(files[PHOTO_FIELD])));
  } finally {
    await Promise.all(allFiles(ctx).map((file) => fs.rm(file.filepath, { force: true })));
  }
}

/** A parsed value, or a 400 in Strapi's format that lists every problem. */
export function orThrow<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw new errors.ValidationError(parsed.errors.map((error: InputError) => error.message).join(' '), { errors: parsed.errors });
}
