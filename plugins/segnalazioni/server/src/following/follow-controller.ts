import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { isReference } from '../intake/domain/reference';
import { getService } from '../common/get-service';

const NO_SUCH_REPORT = 'Nessuna segnalazione con questo riferimento.';
const NOT_A_REFERENCE = 'Riferimento: otto caratteri come K7QM-3XPA, quelli del messaggio di ricevuta.';

/** The routes that follow a report without an account: its personal link, and the lookup by reference. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const follow = () => getService(strapi, 'follow-links');
  const tokenOf = (ctx: Context) => String(ctx.params.token ?? '');
  return {
    async open(ctx: Context) {
      ctx.body = { data: await follow().open(tokenOf(ctx)), meta: {} };
    },

    async revoke(ctx: Context) {
      await follow().revoke(tokenOf(ctx));
      ctx.body = { data: { revoked: true }, meta: {} };
    },

    async lookup(ctx: Context) {
      const given = ctx.query.reference;
      const reference = typeof given === 'string' ? given.trim().toUpperCase() : '';
      if (!isReference(reference)) {
        throw new errors.ValidationError(NOT_A_REFERENCE, { errors: [{ path: ['reference'], message: NOT_A_REFERENCE, name: 'ValidationError' }] });
      }
      const found = await follow().lookup(reference);
      if (!found) throw new errors.NotFoundError(NO_SUCH_REPORT);
      ctx.body = { data: found, meta: {} };
    },
  };
};
