import type { Core } from '@strapi/strapi';
import { endsTokens, isTokenCurrent, logoutCutOff } from './domain/citizen-tokens';

const USER_UID = 'plugin::users-permissions.user';

interface UpdateEvent {
  params: { data?: Record<string, unknown> };
}

/**
 * Which citizens' tokens still count. The cut-off lives on the account, in the database, so every
 * server process refuses a revoked token from the next request on.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A new password or a block ends the account's older tokens, whatever path made it: the
   * citizen's change or reset, the Content Manager, the users API. Set in the same write.
   */
  watchCredentialChanges(): void {
    const stampCutOff = ({ params }: UpdateEvent) => {
      if (params.data && endsTokens(params.data)) params.data.tokensValidAfter = new Date();
    };
    strapi.db.lifecycles.subscribe({ models: [USER_UID], beforeUpdate: stampCutOff, beforeUpdateMany: stampCutOff });
  },

  /** Whether the verified claims of a token still count for their account. */
  async isCurrent(claims: Readonly<Record<string, unknown>>): Promise<boolean> {
    if (typeof claims.id !== 'number') return false;
    const account = await strapi.db.query(USER_UID).findOne({ where: { id: claims.id }, select: ['tokensValidAfter'] });
    return account !== null && isTokenCurrent(claims, account.tokensValidAfter);
  },

  /** "Esci": ends every token of the account, the one of this request included. */
  async logout(userId: number): Promise<void> {
    await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { tokensValidAfter: logoutCutOff(Date.now()) } });
  },
});
