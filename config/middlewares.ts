import type { Core } from '@strapi/strapi';
import { allowedOrigins } from '../plugins/segnalazioni/server/src/domain/origins';
import { numberUpload } from '../plugins/segnalazioni/server/src/upload-order';

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    // Only the site itself and the origins the municipality lists (e.g. its institutional website)
    // may call the APIs from a browser with credentials; any other Origin gets no CORS headers.
    config: { origin: allowedOrigins(env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`), env.array('CORS_ORIGINS', [])) },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      // Per-photo size and count are checked by the plugin, with messages a citizen understands;
      // these are only the outer bounds of what the parser accepts at all.
      // Files are numbered as they begin, so photos keep the order they were sent in.
      formidable: { maxFileSize: 80 * 1024 * 1024, maxFiles: 20, onFileBegin: numberUpload },
      // Keeps the raw body beside the parsed one: Meta's webhook signatures are over the raw bytes.
      includeUnparsed: true,
    },
  },
  'strapi::session',
  { name: 'strapi::favicon', config: { path: './public/favicon.png' } },
  // The citizen portal at /sportello, from its own build folder (not the public one).
  { name: 'plugin::segnalazioni.portal', config: { municipality: env('MUNICIPALITY_NAME', 'Comune di Esempio') } },
  // Unapproved report photos must not be reachable by their URL: checked before static files.
  'plugin::segnalazioni.photo-guard',
  'strapi::public',
];
