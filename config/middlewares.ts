import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';
import { allowedOrigins } from '../plugins/segnalazioni/server/src/http/domain/origins';
import { publicUrlFromEnv } from './server';
import { COMPRESSION } from '../plugins/segnalazioni/server/src/http/domain/compression';
import { configDefaults } from '../plugins/segnalazioni/server/src/config';
import { tileSource } from '../plugins/segnalazioni/server/src/places/domain/map-settings';

function securityConfig(tileUrl: string) {
  const tiles = tileSource(tileUrl);
  return tiles ? { contentSecurityPolicy: { directives: { 'img-src': [...CSP_DEFAULTS['img-src'], tiles] } } } : {};
}

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  // Outside the error handler, so it sees error answers too: only what a route chose may be kept.
  'plugin::segnalazioni.cache-policy',
  // GeoReport v2 at /open311/v2, on the plugin's Open311 routes; outside the error handler, whose
  // answers it writes as the spec writes errors.
  'plugin::segnalazioni.open311-address',
  'strapi::errors',
  // koa-compress for every text answer: API JSON, the admin's bundle, the portal (whose files come
  // compressed at build time and pass through). Brotli at quality 4 and gzip at level 6 compress a
  // JSON page in well under a millisecond; images (photos, with their Range requests) are left alone.
  { name: 'strapi::compression', config: COMPRESSION },
  {
    name: 'strapi::security',
    // The maps' tiles come from the tile service the municipality chose; nothing else is added to Strapi's policy.
    config: securityConfig(env('MAP_TILE_URL', configDefaults().map.tileUrl)),
  },
  {
    name: 'strapi::cors',
    // Only the site itself and the origins the municipality lists (e.g. its institutional website)
    // may call the APIs from a browser with credentials; any other Origin gets no CORS headers.
    config: { origin: allowedOrigins(publicUrlFromEnv(env), env.array('CORS_ORIGINS', [])) },
  },
  'strapi::poweredBy',
  'strapi::query',
  // Strapi's body parser for JSON, forms and text, with Italian 4xx; multipart only on the routes
  // that take files, after authentication (plugins/segnalazioni/server/src/http/file-routes.ts).
  {
    name: 'plugin::segnalazioni.body',
    config: {
      // Keeps the raw body beside the parsed one: Meta's webhook signatures are over the raw bytes.
      includeUnparsed: true,
    },
  },
  // Required by name; the body was read just above, so this one is told to read nothing.
  { name: 'strapi::body', config: { json: false, urlencoded: false, text: false, multipart: false } },
  'strapi::session',
  { name: 'strapi::favicon', config: { path: './public/favicon.png' } },
  // The citizen portal at /sportello, from its own build folder (not the public one).
  {
    name: 'plugin::segnalazioni.portal',
    config: { municipality: env('MUNICIPALITY_NAME', configDefaults().municipality.name), accessibilityUrl: env('ACCESSIBILITY_STATEMENT_URL', '') },
  },
  // Unapproved report photos must not be reachable by their URL: checked before static files.
  'plugin::segnalazioni.photo-guard',
  'strapi::public',
];
