import type { Core } from '@strapi/strapi';

/**
 * The app's bootstrap runs after every plugin's, the admin's included: only then do the default
 * admin roles exist, which the segnalazioni plugin completes with its own (and the demo uses).
 */
export default {
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('segnalazioni').service('staff').setupRolesOnce();
    await strapi.plugin('segnalazioni').service('demo').seedIfEnabled();
  },
};
