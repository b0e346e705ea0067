import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { parseEmailRequest, parseRegistrationLanguage, parseResetCode } from '../../../plugins/segnalazioni/server/src/accounts/domain/account-requests';
import { preferredLocale } from '../../../plugins/segnalazioni/server/src/common/domain/messages';
import { orThrow } from '../../../plugins/segnalazioni/server/src/common/errors';

type Handler = (ctx: Context) => Promise<unknown>;
type AuthController = Record<string, Handler>;
export type AuthControllerFactory = (deps: { strapi: Core.Strapi }) => AuthController;

/** What a registration answers, taken from the request alone: the same whether the address was free or not. */
function registrationAnswer(body: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    user: {
      username: text(body.username),
      email: text(body.email).toLowerCase(),
      firstName: text(body.firstName),
      lastName: text(body.lastName),
      language: preferredLocale(body),
      confirmed: false,
      blocked: false,
    },
  };
}

const isTakenError = (error: unknown) => error instanceof errors.ApplicationError && error.message === 'Email or Username are already taken';

/**
 * users-permissions' auth controller, with the actions that would tell whether an address has an
 * account answering the same for every address (what is to be said goes by mail to its owner),
 * the reset mail ours, the reset code expiring, and a logout for our kind of tokens.
 */
export const accountSafeAuth =
  (factory: AuthControllerFactory): AuthControllerFactory =>
  ({ strapi }) => {
    const controller = factory({ strapi });
    const { callback, register, resetPassword } = controller;
    const accounts = () => strapi.plugin('segnalazioni').service('accounts');
    /**
     * Runs what an address's answer sets off (a mail, a reset code) once the answer has left: the
     * time to answer is then the same for every address. A failure is logged; the citizen asks again.
     */
    const afterAnswering = (ctx: Context, work: () => Promise<void>) => {
      ctx.res.once(
        'close',
        () => void work().catch((error: unknown) => strapi.log.error(`Account mail not prepared: ${error instanceof Error ? error.message : String(error)}`)),
      );
    };
    const confirmationRequired = async () => {
      const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
      return advanced?.email_confirmation === true;
    };

    return Object.assign(controller, {
      /** A login with an unknown address takes as long as one with a wrong password. */
      async callback(ctx: Context) {
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        const local = (ctx.params.provider ?? 'local') === 'local';
        if (local && typeof body.identifier === 'string' && !(await accounts().hasLocalAccount(body.identifier))) {
          await accounts().spendHashingTime(body.password);
        }
        return callback(ctx);
      },

      async register(ctx: Context) {
        // The language is checked before anything else, alike for every address; users-permissions checks the rest.
        orThrow(parseRegistrationLanguage(ctx.request.body ?? {}));
        // Without confirmation a registration logs in at once: nothing to keep quiet about.
        if (!(await confirmationRequired())) return register(ctx);
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        try {
          // users-permissions checks the input before the address, so an invalid request is refused alike for every address.
          await register(ctx);
        } catch (error) {
          if (!isTakenError(error)) throw error;
          await accounts().spendHashingTime(body.password);
          await accounts().tellOwnerOf(String(body.email).toLowerCase());
        }
        ctx.body = registrationAnswer(body);
      },

      async sendEmailConfirmation(ctx: Context) {
        const { email } = orThrow(parseEmailRequest(ctx.request.body));
        afterAnswering(ctx, () => accounts().tellOwnerOf(email));
        ctx.body = { email, sent: true };
      },

      async forgotPassword(ctx: Context) {
        const { email } = orThrow(parseEmailRequest(ctx.request.body));
        afterAnswering(ctx, () => accounts().requestPasswordReset(email));
        ctx.body = { ok: true };
      },

      async resetPassword(ctx: Context) {
        const { code } = orThrow(parseResetCode(ctx.request.body));
        const userId = await accounts().accountOfResetCode(code);
        await resetPassword(ctx);
        await accounts().completeReset(userId);
      },

      /** Ends every token of the citizen (see citizen-tokens). Needs a valid token: the route asks for a login. */
      async logout(ctx: Context) {
        const user = ctx.state.user as { id: number } | undefined;
        if (!user) throw new errors.UnauthorizedError('Accedi per uscire.');
        await strapi.plugin('segnalazioni').service('citizen-tokens').logout(user.id);
        ctx.body = { ok: true };
      },
    });
  };
