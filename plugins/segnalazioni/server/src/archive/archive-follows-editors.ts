import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../common/get-service';
import { UID } from '../common/domain/uids';
import { rowsOf } from '../common/rows';
import { DOCUMENT_WRITES } from '../workflow/document-writes';

/** What editors change in the Content Manager, outside the workflow, that the archive shows. */
const SHOWN_IN_ARCHIVE = new Set<string>([UID.category, UID.office]);

/**
 * Editors rename, reorder and switch off categories, and rename offices, in the Content Manager;
 * the archive shows category and office names, so such a change is a change of the archive. A
 * category's name is also among the words a search finds: its reports' search text follows a
 * rename, or a deletion, in the same transaction. The statistics count by category and office
 * id: a deletion takes its reports to "none" there.
 */
export function archiveFollowsEditors(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!SHOWN_IN_ARCHIVE.has(context.uid) || !DOCUMENT_WRITES.has(context.action)) return next();
    const documentId = 'documentId' in context.params && typeof context.params.documentId === 'string' ? context.params.documentId : null;
    const uid = context.uid === UID.category ? UID.category : UID.office;
    const before = documentId ? await rowsOf(strapi, uid).findOne({ where: { documentId }, select: ['id', 'name'] }) : null;
    const result = await next();
    // The statistics count by category and office: a deleted one's reports now have none.
    if (before && context.action === 'delete')
      await getService(strapi, 'statistics-cells').relationRemoved(uid === UID.category ? 'category' : 'office', before.id);
    if (before && uid === UID.category) {
      const after = await rowsOf(strapi, UID.category).findOne({ where: { id: before.id }, select: ['name'] });
      if (after?.name !== before.name) await getService(strapi, 'archive-projection').categoryRenamed(before.id, after?.name ?? null);
    }
    await getService(strapi, 'archive-version').bump();
    return result;
  };
  strapi.documents.use(middleware);
}
