import type { Core } from '@strapi/strapi';

type UsersPermissionsPlugin = Core.Plugin & {
  contentTypes: { user: { schema: { attributes: Record<string, unknown> } } };
};

/** Citizens register with their name (nome, cognome), as the municipality needs to answer them. */
export default (plugin: UsersPermissionsPlugin) => {
  Object.assign(plugin.contentTypes.user.schema.attributes, {
    firstName: { type: 'string', required: true, minLength: 1, maxLength: 80, configurable: false },
    lastName: { type: 'string', required: true, minLength: 1, maxLength: 80, configurable: false },
  });
  return plugin;
};
