import type { Core, Modules } from '@strapi/strapi';
import { getService } from '../common/get-service';
import { UID } from '../common/domain/uids';
import { DOCUMENT_WRITES } from '../workflow/document-writes';

/**
 * Intake writes reports through the Document Service (a new report from any channel, a citizen's
 * edit): each such write changes the statistics. The workflow writes through the Query Engine and
 * raises the archive version, which the statistics read too.
 */
export function statisticsFollowReports(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const result = await next();
    if (context.uid === UID.report && DOCUMENT_WRITES.has(context.action)) await getService(strapi, 'statistics').reportsChanged();
    return result;
  };
  strapi.documents.use(middleware);
}
