import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../../../plugins/segnalazioni/server/src/common/domain/messages';
import { accountSafeAuth, type AuthControllerFactory } from './auth-controller';
import { revocableJwt, type JwtServiceFactory } from './jwt-service';

type UsersPermissionsPlugin = Core.Plugin & {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
  controllers: { auth: AuthControllerFactory };
  services: { jwt: JwtServiceFactory };
};

/** Kept on the account, never shown: not in the API, not in the Content Manager. A new object each: Strapi writes into attributes. */
const internalDate = () => ({ type: 'datetime', private: true, visible: false, configurable: false });

/**
 * Citizens register with their name (nome, cognome), as the municipality needs to answer them, and
 * the language their mails are written in (`language`: the portal's at registration, then its switch).
 * Their tokens can be revoked (`tokensValidAfter`), their reset codes expire (`resetPasswordExpiresAt`).
 */
export default (plugin: UsersPermissionsPlugin) => {
  Object.assign(plugin.contentTypes.user.schema.attributes, {
    firstName: { type: 'string', required: true, minLength: 1, maxLength: 80, configurable: false },
    lastName: { type: 'string', required: true, minLength: 1, maxLength: 80, configurable: false },
    language: { type: 'enumeration', enum: [...LOCALES], default: DEFAULT_LOCALE, configurable: false },
    tokensValidAfter: internalDate(),
    resetPasswordExpiresAt: internalDate(),
  });
  plugin.services.jwt = revocableJwt(plugin.services.jwt);
  plugin.controllers.auth = accountSafeAuth(plugin.controllers.auth);
  return plugin;
};
