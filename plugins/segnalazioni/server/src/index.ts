import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { historyAppendOnly } from './document-middlewares/history-append-only';
import routes from './routes';
import services from './services';
import { PLUGIN_ID } from './uids';

export default {
  config,
  contentTypes,
  controllers,
  routes,
  services,
  register({ strapi }: { strapi: Core.Strapi }) {
    historyAppendOnly(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin(PLUGIN_ID).service('seed').seedDefaults();
  },
};
