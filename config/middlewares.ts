export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      // Per-photo size and count are checked by the plugin, with messages a citizen understands;
      // these are only the outer bounds of what the parser accepts at all.
      formidable: { maxFileSize: 80 * 1024 * 1024, maxFiles: 20 },
    },
  },
  'strapi::session',
  { name: 'strapi::favicon', config: { path: './public/favicon.png' } },
  // Unapproved report photos must not be reachable by their URL: checked before static files.
  'plugin::segnalazioni.photo-guard',
  'strapi::public',
];
