import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { canSeeReport } from '../domain/access';
import { isAction, type Action } from '../domain/lifecycle';
import { parseStaffQuery } from '../domain/staff-query';
import { parseActionInput } from '../domain/workflow-input';
import { getService } from '../services/get-service';
import { STAFF_ACTIONS } from '../services/staff';
import type { StaffMember } from '../services/workflow';
import { orThrow } from './report-request';

/** Actions the panel runs; submit and edit belong to citizens and channels. */
const PANEL_ACTIONS: readonly Action[] = ['take_in_charge', 'reassign', 'moderate_text', 'moderate_photo', 'publish', 'unpublish', 'reply', 'close', 'reject', 'reopen'];

interface AdminState {
  user: StaffMember & { roles?: { code: string }[] };
  userAbility: { can: (action: string) => boolean };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const scopeOf = (ctx: Context) => {
    const { user, userAbility } = ctx.state as AdminState;
    return getService(strapi, 'staff').scopeOf(user, userAbility.can(STAFF_ACTIONS.all));
  };

  return {
    async list(ctx: Context) {
      const query = orThrow(parseStaffQuery(ctx.query));
      ctx.body = await getService(strapi, 'staff-reports').list(await scopeOf(ctx), query);
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'staff-reports').findOne(await scopeOf(ctx), ctx.params.documentId) };
    },

    async act(ctx: Context) {
      const { documentId, action } = ctx.params;
      if (!isAction(action) || !PANEL_ACTIONS.includes(action)) {
        throw new errors.NotFoundError(`Azione sconosciuta: "${action}".`);
      }
      const input = orThrow(parseActionInput(action, ctx.request.body));
      const scope = await scopeOf(ctx);
      const report = await getService(strapi, 'workflow').perform({ staff: (ctx.state as AdminState).user, scope, documentId, action, input });
      // Reassigned to an office that is not theirs: the officer no longer sees it.
      ctx.body = canSeeReport(scope, report.office?.id)
        ? { data: await getService(strapi, 'staff-reports').findOne(scope, documentId) }
        : { data: null, meta: { leftScope: true } };
    },

    async options(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'staff-reports').options() };
    },
  };
};
