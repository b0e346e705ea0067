import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { canSeeReport, mayFileAtDesk, mayTriage, staffActor } from './domain/access';
import { isWorkflowAction } from '../workflow/domain/lifecycle';
import { parseDeskSubmission } from '../intake/domain/report-input';
import { parseBoundingBox } from '../places/domain/territory';
import { parseStaffQuery } from './domain/staff-query';
import { parseActionStep } from '../workflow/domain/workflow-input';
import { forbidden, orThrow } from '../common/errors';
import { getService } from '../common/get-service';
import { staffName } from '../workflow/workflow';
import { reportIdOf } from '../common/report-id';
import { withReportRequest } from '../intake/report-request';
import { staffOf, staffScopeOf } from './staff-request';
import { settingOf } from '../common/settings';
import { configuredMap } from '../places/configured-map';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scopeOf = (ctx: Context) => staffScopeOf(strapi, ctx);

  return {
    async list(ctx: Context) {
      const query = orThrow(parseStaffQuery(ctx.query));
      ctx.body = await getService(strapi, 'staff-reports').list(await scopeOf(ctx), query);
    },

    async findOne(ctx: Context) {
      const documentId = reportIdOf(ctx);
      ctx.body = { data: await getService(strapi, 'staff-reports').findOne(await scopeOf(ctx), documentId) };
    },

    async act(ctx: Context) {
      const { action } = ctx.params;
      const documentId = reportIdOf(ctx);
      // The panel runs the workflow's rows; submit and edit belong to citizens and channels.
      if (!isWorkflowAction(action)) {
        throw new errors.NotFoundError(`Azione sconosciuta: "${action}".`);
      }
      const step = orThrow(parseActionStep(action, ctx.request.body));
      const scope = await scopeOf(ctx);
      const report = await getService(strapi, 'workflow').perform({ staff: staffOf(ctx), scope, documentId, step });
      // Reassigned to an office that is not theirs: the officer no longer sees it.
      ctx.body = canSeeReport(scope, report.office?.id)
        ? { data: await getService(strapi, 'staff-reports').findOne(scope, documentId) }
        : { data: null, meta: { leftScope: true } };
    },

    /**
     * The URP desk files a report for a citizen who phoned or came to the counter: multipart
     * `data` (JSON) and `photos`, as the citizen API. URP staff only.
     */
    async fileAtDesk(ctx: Context) {
      const scope = await scopeOf(ctx);
      if (!mayFileAtDesk(scope)) throw forbidden("Solo l'URP registra le segnalazioni allo sportello.");
      const staff = staffOf(ctx);
      const territory = parseBoundingBox(settingOf(strapi, 'territory'));
      const report = await withReportRequest(ctx, (data, photos) => {
        const { contactName, contactPhone, contactEmail, ...input } = orThrow(parseDeskSubmission(data, territory));
        return getService(strapi, 'intake').submit({
          contact: { name: contactName, address: contactPhone ?? null, email: contactEmail ?? null },
          input,
          files: photos,
          channel: 'desk',
          actor: staffActor(scope, 'submit'),
          actorRef: { id: `admin:${staff.id}`, label: staffName(staff) },
        });
      });
      ctx.status = 201;
      ctx.body = { data: await getService(strapi, 'staff-reports').findOne(scope, report.documentId) };
    },

    async options(ctx: Context) {
      const [options, scope] = await Promise.all([getService(strapi, 'staff-reports').options(), scopeOf(ctx)]);
      // The desk and triage are URP's: the panel shows them to those who may use them.
      // The map of the report page, drawn as the portal's is.
      ctx.body = { data: { ...options, desk: mayFileAtDesk(scope), triage: mayTriage(scope), map: configuredMap(strapi) } };
    },
  };
};
