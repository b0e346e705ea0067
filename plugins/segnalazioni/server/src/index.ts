import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { archiveFollowsEditors } from './archive/archive-follows-editors';
import { categoryQuestionsGuard } from './intake/category-questions-guard';
import { registerOpeningHours } from './service-levels/opening-hours-field';
import { assertFileRoutesExist, attachMultipartParsers } from './http/file-routes';
import { workflowOnlyWrites } from './workflow/workflow-only-writes';
import { registerGraphql } from './archive/graphql';
import middlewares from './middlewares';
import { replaceAuthRateLimit } from './accounts/rate-limit';
import routes from './routes';
import services from './services';
import { getService } from './common/get-service';

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
    categoryQuestionsGuard(strapi);
    registerOpeningHours(strapi);
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
    await getService(strapi, 'archive-projection').backfill();
    await getService(strapi, 'statistics-cells').backfill();
    getService(strapi, 'notifications').start();
    getService(strapi, 'deadlines').start();
    getService(strapi, 'rate-limits').start();
    getService(strapi, 'upload-sweep').start();
  },
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'upload-sweep').stop();
    getService(strapi, 'photo-bucket').stop();
    getService(strapi, 'rate-limits').stop();
    await getService(strapi, 'deadlines').stop();
    await getService(strapi, 'notifications').stop();
  },
};
