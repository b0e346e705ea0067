import type { Core } from '@strapi/strapi';
import { siteLinks, type SiteLinks } from './domain/links';
import { settingOf } from './settings';

/** The links of mails and redirects, on the configured public address (`PUBLIC_URL`) and Strapi's own paths. */
export function linksOf(strapi: Core.Strapi): SiteLinks {
  return siteLinks({
    publicUrl: settingOf(strapi, 'publicUrl'),
    apiPrefix: strapi.config.get('api.rest.prefix', '/api') as string,
    adminPath: strapi.config.get('admin.path', '/admin') as string,
  });
}
