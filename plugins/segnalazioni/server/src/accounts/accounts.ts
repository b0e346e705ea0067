import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { INVALID_RESET_CODE, isResetCodeCurrent } from './domain/account-requests';
import type { TemplateData, TemplateName } from '../notifications/domain/mail-templates';
import { preferredLocale, type Locale } from '../common/domain/messages';
import { PLUGIN_ID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { rowsOf } from '../common/rows';
import { settingOf } from '../common/settings';

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
  'plugin::segnalazioni.account.setLanguage',
  'plugin::users-permissions.auth.logout',
];

/**
 * A bcrypt hash of the cost users-permissions uses (10): comparing a password with it takes as long
 * as hashing a new one, so a registration with a taken address answers in the time of a new one.
 */
const TIMING_HASH = '$2a$10$n2fc/MYETBS8meBHtdHuOewN7PW.raHbJczTgyvpqSt.ArSuIBjWu';

interface RegisteredUser {
  id: number;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  language?: string | null;
}

const STORED_USER_FIELDS = ['id', 'email', 'firstName', 'lastName', 'language', 'confirmed', 'blocked'] as const;

/**
 * Citizens' accounts: the permissions of the Authenticated role, their language, and the mails of
 * registration and password reset, in the account's language and through our outbox. The answers
 * of these routes never tell whether an address has an account: whatever is to be said goes by
 * mail, to the address's owner.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });
  const links = () => linksOf(strapi);
  const resetCodeLifetimeMs = () => settingOf(strapi, 'passwordResetMs');
  const findByEmail = (email: string) => rowsOf(strapi, USER_UID).findOne({ where: { email }, select: STORED_USER_FIELDS });

  /** Writes the account's change and its mail (in the account's language) in one transaction; the outbox sends after commit. */
  const withMail = async (user: RegisteredUser, template: TemplateName, data: TemplateData, change?: () => Promise<unknown>) => {
    await strapi.db.transaction(async () => {
      await change?.();
      await getService(strapi, 'notifications').sendAfterCommit([{ recipient: user.email, template, data, locale: preferredLocale(user) }]);
    });
  };
  const names = (user: RegisteredUser) => ({ firstName: user.firstName ?? '', lastName: user.lastName ?? '' });

  return {
    /** First boot only: confirmation on, and its link lands on the portal's login page. */
    async configureOnce(): Promise<void> {
      if (await store().get({ key: CONFIGURED_KEY })) return;
      const usersPermissions = strapi.store({ type: 'plugin', name: 'users-permissions' });
      const advanced = ((await usersPermissions.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
      await usersPermissions.set({
        key: 'advanced',
        value: {
          ...advanced,
          unique_email: true,
          allow_register: true,
          email_confirmation: true,
          email_confirmation_redirection: links().confirmed,
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
     * Replaces users-permissions' confirmation mail: ours is in the account's language, and goes
     * through the outbox, so registering never waits for (or fails with) the SMTP server.
     */
    useOutboxForConfirmation(): void {
      const users = strapi.plugin('users-permissions').service('user');
      users.sendConfirmationEmail = async (user: RegisteredUser) => {
        const confirmationToken = randomBytes(20).toString('hex');
        await withMail(user, 'account-confirmation', { ...names(user), confirmationUrl: links().confirmation(confirmationToken) }, () =>
          strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { confirmationToken } }),
        );
      };
    },

    /**
     * Someone registers, or asks for the confirmation again, with an address that has an account.
     * Its owner hears of it by mail: the confirmation link again while unconfirmed, otherwise where
     * to log in or choose a new password. A blocked account hears nothing.
     */
    async tellOwnerOf(email: string): Promise<void> {
      const user = await findByEmail(email);
      if (!user || user.blocked) return;
      if (!user.confirmed) {
        await strapi.plugin('users-permissions').service('user').sendConfirmationEmail(user);
        return;
      }
      await withMail(user, 'account-exists', { ...names(user), loginUrl: links().login, forgotPasswordUrl: links().forgotPassword });
    },

    /** Whether users-permissions' login would find an account for this identifier (its own lookup). */
    async hasLocalAccount(identifier: string): Promise<boolean> {
      const where = { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] };
      return (await strapi.db.query(USER_UID).count({ where })) > 0;
    },

    /** As long as registering a new account takes: the password is checked against a hash of the same cost. */
    async spendHashingTime(password: unknown): Promise<void> {
      await strapi
        .plugin('users-permissions')
        .service('user')
        .validatePassword(typeof password === 'string' ? password : '', TIMING_HASH);
    },

    /** Mails a link to choose a new password, valid for a while; an unknown or blocked address gets nothing. */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await findByEmail(email);
      if (!user || user.blocked) return;
      const code = randomBytes(32).toString('hex');
      const lifetimeMs = resetCodeLifetimeMs();
      const expiresAt = new Date(Date.now() + lifetimeMs);
      await withMail(user, 'password-reset', { ...names(user), resetUrl: links().resetPassword(code), validMinutes: Math.round(lifetimeMs / 60000) }, () =>
        strapi.db.query(USER_UID).update({ where: { id: user.id }, data: { resetPasswordToken: code, resetPasswordExpiresAt: expiresAt } }),
      );
    },

    /** The account a reset code belongs to, while the code is current; otherwise a 400 in Italian. */
    async accountOfResetCode(code: string): Promise<number> {
      const user = await strapi.db.query(USER_UID).findOne({ where: { resetPasswordToken: code }, select: ['id', 'resetPasswordExpiresAt'] });
      if (!user || !isResetCodeCurrent(user.resetPasswordExpiresAt, Date.now())) {
        throw new errors.ValidationError(INVALID_RESET_CODE, { path: 'code' });
      }
      return user.id;
    },

    /** The language of the account's mails from now on. */
    async setLanguage(userId: number, language: Locale): Promise<void> {
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { language } });
    },

    /** After a reset: the code is spent, and the address is confirmed, as the code was read in its mailbox. */
    async completeReset(userId: number): Promise<void> {
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { confirmed: true, resetPasswordToken: null, resetPasswordExpiresAt: null } });
    },
  };
};
