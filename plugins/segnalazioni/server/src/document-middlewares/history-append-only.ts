import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../uids';

const REWRITES = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * History entries are a record: once written, no path through the Document Service (Content
 * Manager, REST, GraphQL, our own code) may change or remove one.
 */
export function historyAppendOnly(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid === UID.historyEntry && REWRITES.has(context.action)) {
      throw new errors.ForbiddenError('Le voci di cronologia non si possono modificare né cancellare.');
    }
    return next();
  };
  strapi.documents.use(middleware);
}
