import type { Core } from '@strapi/strapi';
import { siteLinks, type SiteLinks } from './domain/links';
import { PLUGIN_ID } from './domain/uids';

/** The links of mails and redirects, on the configured public address (`PUBLIC_URL`) and Strapi's own paths. */
export function linksOf(strapi: Core.Strapi): SiteLinks {
  return siteLinks({
    publicUrl: strapi.config.get(`plugin::${PLUGIN_ID}.publicUrl`) as string,
    apiPrefix: strapi.config.get('api.rest.prefix', '/api') as string,
    adminPath: strapi.config.get('admin.path', '/admin') as string,
  });
}
