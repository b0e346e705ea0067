import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from './domain/idempotency-key';
import { parseEdit, parseSubmission } from './domain/report-input';
import { parseBoundingBox } from '../places/domain/territory';
import type { Citizen } from './intake';
import { getService } from '../common/get-service';
import { forbidden, orThrow } from '../common/errors';
import { REPORT_NOT_FOUND, reportIdOf } from '../common/report-id';
import { withReportRequest } from './report-request';
import { settingOf } from '../common/settings';

interface AuthenticatedUser extends Citizen {
  confirmed?: boolean;
  blocked?: boolean;
}

const MAX_PAGE_SIZE = 100;

/** The logged-in citizen; users-permissions has already checked the token and the role's permission. */
export function citizenOf(ctx: Context): AuthenticatedUser {
  const user = ctx.state.user as AuthenticatedUser | undefined;
  if (!user) throw new errors.UnauthorizedError('Accedi per continuare.');
  if (user.blocked) throw forbidden('Il tuo account è bloccato.');
  if (!user.confirmed) throw forbidden('Conferma prima il tuo indirizzo email con il collegamento che ti abbiamo inviato.');
  return user;
}

function pageQuery(ctx: Context): { page: number; pageSize: number } {
  const read = (name: string, fallback: number, max: number) => {
    const raw = ctx.query[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new errors.ValidationError(`${name}: un numero intero tra 1 e ${max}.`);
    }
    return value;
  };
  return { page: read('page', 1, 100_000), pageSize: read('pageSize', 25, MAX_PAGE_SIZE) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const territory = () => parseBoundingBox(settingOf(strapi, 'territory'));

  return {
    async create(ctx: Context) {
      const citizen = citizenOf(ctx);
      const key = orThrow(parseIdempotencyKey(ctx.request.headers[IDEMPOTENCY_HEADER]));
      const { report, created } = await withReportRequest(ctx, (data, photos) =>
        getService(strapi, 'intake').submitOnce({ key, citizen, input: orThrow(parseSubmission(data, territory())), files: photos }),
      );
      // A repeat of a submission answers its report as it is now, and says nothing new was made.
      ctx.status = created ? 201 : 200;
      ctx.body = { data: await getService(strapi, 'citizen-reports').findOne(citizen.id, report.documentId), meta: {} };
    },

    async myList(ctx: Context) {
      const citizen = citizenOf(ctx);
      const { data, pagination } = await getService(strapi, 'citizen-reports').list(citizen.id, pageQuery(ctx));
      ctx.body = { data, meta: { pagination } };
    },

    async myOne(ctx: Context) {
      const citizen = citizenOf(ctx);
      const report = await getService(strapi, 'citizen-reports').findOne(citizen.id, reportIdOf(ctx));
      if (!report) throw new errors.NotFoundError(REPORT_NOT_FOUND);
      ctx.body = { data: report, meta: {} };
    },

    async myUpdate(ctx: Context) {
      const citizen = citizenOf(ctx);
      const documentId = reportIdOf(ctx);
      await withReportRequest(ctx, (data, photos) =>
        getService(strapi, 'intake').edit({ citizen, documentId, input: orThrow(parseEdit(data, territory())), files: photos }),
      );
      ctx.body = { data: await getService(strapi, 'citizen-reports').findOne(citizen.id, documentId), meta: {} };
    },
  };
};
