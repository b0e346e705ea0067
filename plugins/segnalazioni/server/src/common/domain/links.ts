/**
 * Every link a mail carries, on the site's public address: the citizen portal's pages, the account
 * links, the officers' panel, photos and maps. The one place that knows these addresses; mails,
 * channels and redirects ask here.
 */

import { PLUGIN_ID } from './uids';

/** Where the citizen portal is served (http/portal.ts serves it there). */
export const PORTAL_PATH = '/sportello';

export interface SiteAddresses {
  /** The site's public address (`PUBLIC_URL`), with or without a trailing slash. */
  readonly publicUrl: string;
  /** Strapi's REST prefix (`api.rest.prefix`), e.g. `/api`. */
  readonly apiPrefix: string;
  /** Strapi's admin path (`admin.path`), e.g. `/admin`. */
  readonly adminPath: string;
}

const trimmed = (path: string) => path.replace(/\/+$/, '');
const withSlash = (path: string) => (path === '' || path.startsWith('/') ? path : `/${path}`);
const segment = encodeURIComponent;

export type SiteLinks = ReturnType<typeof siteLinks>;

/** A point on OpenStreetMap, for the office. */
export const mapLink = (latitude: number | string, longitude: number | string) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;

export function siteLinks({ publicUrl, apiPrefix, adminPath }: SiteAddresses) {
  const base = trimmed(publicUrl);
  const portal = `${base}${PORTAL_PATH}`;
  const api = `${base}${trimmed(withSlash(apiPrefix))}`;
  const admin = `${base}${trimmed(withSlash(adminPath))}`;
  return {
    /** The host name of the public address (the domain of our Message-IDs). */
    host: new URL(base).hostname,
    /** A path of this site (a signed photo link, say) as an absolute address. */
    absolute: (path: string) => `${base}${withSlash(path)}`,
    /** The portal's public archive, as people browse it. */
    archive: `${portal}/segnalazioni`,
    /** A published report's page in the portal's public archive. */
    portalReport: (documentId: string) => `${portal}/segnalazioni/${segment(documentId)}`,
    /** A report's page opened by its personal follow link, without a password. */
    follow: (token: string) => `${portal}/segui/${segment(token)}`,
    /** A report's page among its reporter's own reports. */
    myReport: (documentId: string) => `${portal}/le-mie-segnalazioni/${segment(documentId)}`,
    login: `${portal}/accesso`,
    /** Where the email-confirmation link lands once the address is confirmed. */
    confirmed: `${portal}/accesso?confermato=1`,
    forgotPassword: `${portal}/password-dimenticata`,
    resetPassword: (code: string) => `${portal}/reimposta-password?code=${segment(code)}`,
    /** users-permissions' confirmation route, which confirms and redirects to `confirmed`. */
    confirmation: (token: string) => `${api}/auth/email-confirmation?confirmation=${segment(token)}`,
    /** A report's page in the officers' panel (admin/src/pages/App.tsx: `reports/:documentId`). */
    panelReport: (documentId: string) => `${admin}/plugins/${PLUGIN_ID}/reports/${segment(documentId)}`,
    map: mapLink,
  };
}
