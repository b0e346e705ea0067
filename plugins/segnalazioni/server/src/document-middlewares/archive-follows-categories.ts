import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../services/get-service';
import { UID } from '../uids';
import { DOCUMENT_WRITES } from './document-writes';

/**
 * Editors rename, reorder and switch off categories in the Content Manager, outside the workflow;
 * the archive's published reports carry category names, so such a change is a change of the archive.
 */
export function archiveFollowsCategories(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const result = await next();
    if (context.uid === UID.category && DOCUMENT_WRITES.has(context.action)) await getService(strapi, 'archive-version').bump();
    return result;
  };
  strapi.documents.use(middleware);
}
