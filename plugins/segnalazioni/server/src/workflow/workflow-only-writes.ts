import type { Core, Modules } from '@strapi/strapi';
import { UID } from '../common/domain/uids';
import { forbidden } from '../common/errors';
import { DOCUMENT_WRITES } from './document-writes';

/** Types whose every change is a step of the workflow, with its history and its mails. */
const WORKFLOW_TYPES = new Set<string>([UID.report, UID.photo, UID.reply, UID.historyEntry, UID.notification, UID.protocolCounter]);

/** The plugin's own routes: the citizen API and the officers' panel. */
const OWN_ROUTES = /^\/(api\/)?segnalazioni(\/|$)/;

/**
 * Reports change only through the workflow. A write from any other request (the Content Manager,
 * a generated REST or GraphQL route) is refused, whatever fields it touches; history entries are
 * never changed or removed by anyone. Code running outside a request (boot, jobs) is ours.
 */
export function workflowOnlyWrites(strapi: Core.Strapi): void {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!WORKFLOW_TYPES.has(context.uid) || !DOCUMENT_WRITES.has(context.action)) return next();
    if (context.uid === UID.historyEntry && context.action !== 'create') {
      throw forbidden('Le voci di cronologia non si possono modificare né cancellare.');
    }
    const request = strapi.requestContext.get();
    if (request && !OWN_ROUTES.test(request.path)) {
      throw forbidden('Le segnalazioni si gestiscono dal pannello Segnalazioni: ogni passo va registrato e comunicato al cittadino.');
    }
    return next();
  };
  strapi.documents.use(middleware);
}
