import { rateLimited } from '../accounts/rate-limit';
import { archiveHttpCache } from '../http/archive-http-cache';

/**
 * GeoReport v2, served at /open311/v2/… (open311/open311-address.ts brings those addresses here);
 * `:format` is the spec's suffix, xml or json. Reads are public and cached like the archive; a
 * write needs an `api_key` that holds open311.create (open311/open311-clients.ts).
 */
const open311Routes = [
  { method: 'GET', path: '/open311/v2/discovery.:format', handler: 'open311.discovery', description: 'GeoReport v2 discovery' },
  {
    method: 'GET',
    path: '/open311/v2/services.:format',
    handler: 'open311.services',
    description: 'GeoReport v2: the active categories as services',
    cached: true,
  },
  {
    method: 'GET',
    path: '/open311/v2/services/:code.:format',
    handler: 'open311.serviceDefinition',
    description: "GeoReport v2: a service's questions (attributes)",
    cached: true,
  },
  { method: 'GET', path: '/open311/v2/requests.:format', handler: 'open311.requests', description: 'GeoReport v2: published reports', cached: true },
  { method: 'GET', path: '/open311/v2/requests/:id.:format', handler: 'open311.request', description: 'GeoReport v2: one published report', cached: true },
  { method: 'POST', path: '/open311/v2/requests.:format', handler: 'open311.create', description: 'GeoReport v2: a new service request (api_key)' },
  {
    method: 'GET',
    path: '/open311/v2/servicerequestupdates.:format',
    handler: 'open311.updates',
    description: "mySociety's GeoReport extension: public replies as updates",
    cached: true,
  },
  {
    method: 'POST',
    path: '/open311/v2/servicerequestupdates.:format',
    handler: 'open311.postUpdate',
    description: "mySociety's GeoReport extension: a comment relayed for the office (api_key)",
  },
].map(({ method, path, handler, description, cached }) => ({
  method,
  path,
  handler,
  config: {
    auth: false as const,
    description,
    middlewares: cached ? [archiveHttpCache('archive')] : method === 'POST' ? [rateLimited('open311')] : [],
  },
}));

/**
 * Public and citizen routes, served under /api/segnalazioni. Citizen routes go through
 * users-permissions: a valid JWT and the Authenticated role's permission (granted on first boot).
 * The public archive's answers carry an entity tag and may be kept by shared caches briefly
 * (http/archive-http-cache.ts); every other answer is kept by nobody (http/cache-policy.ts).
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/categories',
      handler: 'category.find',
      config: { auth: false, middlewares: [archiveHttpCache('archive')], description: 'Active categories with their office and published report count' },
    },
    {
      method: 'GET',
      path: '/reports',
      handler: 'archive.find',
      config: { auth: false, middlewares: [archiveHttpCache('archive')], description: 'Published reports (the public archive)' },
    },
    {
      method: 'GET',
      path: '/reports.geojson',
      handler: 'archive.findGeoJson',
      config: { auth: false, middlewares: [archiveHttpCache('archive')], description: 'Published reports as GeoJSON (the same query as /reports)' },
    },
    {
      method: 'GET',
      path: '/reports/:documentId',
      handler: 'archive.findOne',
      config: { auth: false, middlewares: [archiveHttpCache('archive')], description: 'One published report' },
    },
    // The archive as Atom feeds: the newest reports of any archive query (a category's: ?category=), and one report's steps.
    {
      method: 'GET',
      path: '/feeds/reports.atom',
      handler: 'archive.feed',
      config: { auth: false, middlewares: [archiveHttpCache('archive')], description: 'The newest published reports as an Atom feed (the query of /reports)' },
    },
    {
      method: 'GET',
      path: '/feeds/reports/:documentId.atom',
      handler: 'archive.reportFeed',
      config: { auth: false, middlewares: [archiveHttpCache('archive')], description: "One published report's public steps as an Atom feed" },
    },
    {
      method: 'GET',
      path: '/statistics',
      handler: 'statistics.public',
      // The figures follow the workflow's changes (the archive version) and the intake's (the statistics version).
      config: { auth: false, middlewares: [archiveHttpCache('archive', 'statistics')], description: 'Aggregates by status, category, office and month' },
    },
    {
      method: 'POST',
      path: '/reports',
      handler: 'report.create',
      config: { middlewares: [rateLimited('reports')], description: 'Submit a report (multipart: data + photos)' },
    },
    { method: 'GET', path: '/my/reports', handler: 'report.myList', config: { description: "The citizen's own reports" } },
    { method: 'GET', path: '/my/reports/:documentId', handler: 'report.myOne', config: { description: "One of the citizen's own reports" } },
    {
      method: 'PUT',
      path: '/my/reports/:documentId',
      handler: 'report.myUpdate',
      config: { middlewares: [rateLimited('reports')], description: 'Edit an own report while submitted' },
    },
    // Following a report without an account: the personal link of its citizen's messages, and the lookup by reference.
    {
      method: 'GET',
      path: '/follow/:token',
      handler: 'follow.open',
      config: { auth: false, middlewares: [rateLimited('lookups')], description: 'A report opened by its personal follow link' },
    },
    {
      method: 'POST',
      path: '/follow/:token/revoke',
      handler: 'follow.revoke',
      config: { auth: false, middlewares: [rateLimited('lookups')], description: 'Revokes every follow link of the report issued so far' },
    },
    {
      method: 'GET',
      path: '/lookup',
      handler: 'follow.lookup',
      config: { auth: false, middlewares: [rateLimited('lookups')], description: 'Where a report stands, by its reference (no private text)' },
    },
    {
      method: 'POST',
      path: '/ratings',
      handler: 'rating.create',
      config: { auth: false, middlewares: [rateLimited('ratings')], description: 'Rates the service (Designers Italia: 1 to 5 stars, an answer, free words)' },
    },
    {
      method: 'PUT',
      path: '/my/language',
      handler: 'account.setLanguage',
      config: { description: "The language of the citizen's mails ({ language: 'it' | 'en' })" },
    },
    ...open311Routes,
    // The archive as open data (CC BY 4.0): streamed downloads and their DCAT-AP_IT description.
    ...[
      { path: '/opendata/reports.csv', handler: 'open-data.csv', description: 'Published reports as CSV (open data)' },
      { path: '/opendata/reports.json', handler: 'open-data.json', description: 'Published reports as JSON (open data)' },
      { path: '/opendata/dataset.jsonld', handler: 'open-data.dataset', description: 'The open data set, described in DCAT-AP_IT (JSON-LD)' },
    ].map(({ path, handler, description }) => ({
      method: 'GET',
      path,
      handler,
      config: { auth: false as const, middlewares: [archiveHttpCache('archive')], description },
    })),
    // Address search and the address at a point, for the portal's map: through our server, rate-limited, cached.
    ...[
      { path: '/places/search', handler: 'places.search', description: 'Addresses of the municipality matching q (the configured geocoder)' },
      { path: '/places/reverse', handler: 'places.reverse', description: 'The address at a point of the municipality (lat, lng)' },
    ].map(({ path, handler, description }) => ({
      method: 'GET',
      path,
      handler,
      config: { auth: false as const, middlewares: [rateLimited('places')], description },
    })),
    // The contract described: OpenAPI 3.1 for programs, the same as a page for people.
    { method: 'GET', path: '/openapi.json', handler: 'open-api.document', config: { auth: false, description: 'This API, described in OpenAPI 3.1' } },
    { method: 'GET', path: '/openapi.html', handler: 'open-api.page', config: { auth: false, description: 'This API, described for people' } },
    // Meta's webhooks (WhatsApp, Facebook page): the handshake, and deliveries checked by their signature.
    { method: 'GET', path: '/channels/:channel', handler: 'channel-webhook.verify', config: { auth: false, description: 'Meta webhook verification' } },
    {
      method: 'POST',
      path: '/channels/:channel',
      handler: 'channel-webhook.receive',
      config: { auth: false, middlewares: [rateLimited('webhooks')], description: 'Meta webhook delivery' },
    },
  ],
};
