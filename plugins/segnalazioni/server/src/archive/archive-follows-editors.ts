import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../common/get-service';
import { UID } from '../common/domain/uids';
import { DOCUMENT_WRITES } from '../workflow/document-writes';

/** What editors change in the Content Manager, outside the workflow, that the archive shows. */
const SHOWN_IN_ARCHIVE = new Set<string>([UID.category, UID.office]);

/**
 * Editors rename, reorder and switch off categories, and rename offices, in the Content Manager;
 * the archive shows category and office names, so such a change is a change of the archive.
 */
export function archiveFollowsEditors(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const result = await next();
    if (SHOWN_IN_ARCHIVE.has(context.uid) && DOCUMENT_WRITES.has(context.action)) await getService(strapi, 'archive-version').bump();
    return result;
  };
  strapi.documents.use(middleware);
}
