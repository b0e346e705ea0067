import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { isDocumentId } from './domain/ids';

export const REPORT_NOT_FOUND = 'Segnalazione non trovata.';

/**
 * The report the path names. An id Strapi could not have made names no report: 404, as an unknown
 * one, before any query or cache sees it.
 */
export function reportIdOf(ctx: Context): string {
  const { documentId } = ctx.params as { documentId?: unknown };
  if (!isDocumentId(documentId)) throw new errors.NotFoundError(REPORT_NOT_FOUND);
  return documentId;
}
