import type { Core } from '@strapi/strapi';
import base from '../../plugins';

// Tests register and log in many users in a few seconds: the auth rate limit is for the real world.
export default (ctx: Core.Config.Shared.ConfigParams) => {
  const config = base(ctx);
  return {
    ...config,
    'users-permissions': {
      config: { ...config['users-permissions'].config, ratelimit: { enabled: false } },
    },
  };
};
