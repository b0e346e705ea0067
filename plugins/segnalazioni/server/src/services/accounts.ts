import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../uids';
import { getService } from './get-service';

const CONFIGURED_KEY = 'accounts-configured';
const GRANTED_KEY = 'granted-actions';
const USER_UID = 'plugin::users-permissions.user';
const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** What a logged-in citizen may call. Granted once each: an administrator may revoke them later. */
export const CITIZEN_ACTIONS = [
  'plugin::segnalazioni.report.create',
  'plugin::segnalazioni.report.myList',
  'plugin::segnalazioni.report.myOne',
  'plugin::segnalazioni.report.myUpdate',
];

interface RegisteredUser {
  id: number;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
}

/** Citizens' accounts: email confirmation through our outbox, and the permissions of the Authenticated role. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });

  return {
    /** First boot only: confirmation on, and its link lands on the portal's login page. */
    async configureOnce(): Promise<void> {
      if (await store().get({ key: CONFIGURED_KEY })) return;
      const usersPermissions = strapi.store({ type: 'plugin', name: 'users-permissions' });
      const advanced = ((await usersPermissions.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
      const publicUrl = (strapi.config.get(`plugin::${PLUGIN_ID}.publicUrl`) as string).replace(/\/$/, '');
      await usersPermissions.set({
        key: 'advanced',
        value: {
          ...advanced,
          unique_email: true,
          allow_register: true,
          email_confirmation: true,
          email_confirmation_redirection: `${publicUrl}/sportello/accesso?confermato=1`,
        },
      });
      await store().set({ key: CONFIGURED_KEY, value: { at: new Date().toISOString() } });
    },

    async grantCitizenPermissions(): Promise<void> {
      const granted = ((await store().get({ key: GRANTED_KEY })) ?? []) as string[];
      const missing = CITIZEN_ACTIONS.filter((action) => !granted.includes(action));
      if (missing.length === 0) return;
      const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'authenticated' } });
      if (!role) throw new Error('The Authenticated role of users-permissions is missing');
      for (const action of missing) {
        const exists = await strapi.db.query(PERMISSION_UID).count({ where: { action, role: { id: role.id } } });
        if (!exists) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
      }
      await store().set({ key: GRANTED_KEY, value: [...granted, ...missing] });
    },

    /**
     * Replaces users-permissions' confirmation mail: ours is Italian, and goes through the outbox,
     * so registering never waits for (or fails with) the SMTP server.
     */
    useOutboxForConfirmation(): void {
      const users = strapi.plugin('users-permissions').service('user');
      users.sendConfirmationEmail = async (user: RegisteredUser) => {
        const confirmationToken = randomBytes(20).toString('hex');
        const base = `${strapi.config.get('server.absoluteUrl')}${strapi.config.get('api.rest.prefix')}`;
        await strapi.db.transaction(async ({ onCommit }) => {
          await strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { confirmationToken } });
          await getService(strapi, 'notifications')
            .enqueue([
              {
                recipient: user.email,
                template: 'account-confirmation',
                data: {
                  firstName: user.firstName ?? '',
                  lastName: user.lastName ?? '',
                  confirmationUrl: `${base}/auth/email-confirmation?confirmation=${confirmationToken}`,
                },
              },
            ]);
          onCommit(() => void getService(strapi, 'notifications').kick());
        });
      };
    },
  };
};
