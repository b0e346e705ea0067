import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLanguageRequest } from './domain/account-requests';
import { orThrow } from '../common/errors';
import { getService } from '../common/get-service';
import { citizenOf } from '../intake/report-controller';

/** The logged-in citizen's own account settings: only their language, only their account. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async setLanguage(ctx: Context) {
    const citizen = citizenOf(ctx);
    const { language } = orThrow(parseLanguageRequest(ctx.request.body));
    await getService(strapi, 'accounts').setLanguage(citizen.id, language);
    ctx.body = { data: { language }, meta: {} };
  },
});
