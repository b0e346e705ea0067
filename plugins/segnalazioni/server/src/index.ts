import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { archiveFollowsEditors } from './document-middlewares/archive-follows-editors';
import { statisticsFollowReports } from './document-middlewares/statistics-follow-reports';
import { assertFileRoutesExist, attachMultipartParsers } from './file-routes';
import { workflowOnlyWrites } from './document-middlewares/workflow-only-writes';
import { registerGraphql } from './graphql';
import middlewares from './middlewares';
import { replaceAuthRateLimit } from './middlewares/rate-limit';
import routes from './routes';
import services from './services';
import { getService } from './services/get-service';

export default {
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services,
  register({ strapi }: { strapi: Core.Strapi }) {
    workflowOnlyWrites(strapi);
    archiveFollowsEditors(strapi);
    statisticsFollowReports(strapi);
    registerGraphql(strapi);
    replaceAuthRateLimit(strapi);
    attachMultipartParsers(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    assertFileRoutesExist(strapi);
    getService(strapi, 'staff').registerPermissions();
    await getService(strapi, 'seed').seedDefaults();
    await getService(strapi, 'accounts').configureOnce();
    await getService(strapi, 'accounts').grantCitizenPermissions();
    getService(strapi, 'accounts').useOutboxForConfirmation();
    getService(strapi, 'citizen-tokens').watchCredentialChanges();
    await getService(strapi, 'search').backfill();
    getService(strapi, 'notifications').start();
    getService(strapi, 'deadlines').start();
    getService(strapi, 'rate-limits').start();
    getService(strapi, 'upload-sweep').start();
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'upload-sweep').stop();
    getService(strapi, 'rate-limits').stop();
    await getService(strapi, 'deadlines').stop();
    await getService(strapi, 'notifications').stop();
  },
};
