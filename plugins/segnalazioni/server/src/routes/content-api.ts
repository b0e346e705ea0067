import { rateLimited } from '../accounts/rate-limit';

/**
 * Public and citizen routes, served under /api/segnalazioni. Citizen routes go through
 * users-permissions: a valid JWT and the Authenticated role's permission (granted on first boot).
 */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/categories',
      handler: 'category.find',
      config: { auth: false, description: 'Active categories with their office and published report count' },
    },
    { method: 'GET', path: '/reports', handler: 'archive.find', config: { auth: false, description: 'Published reports (the public archive)' } },
    { method: 'GET', path: '/reports/:documentId', handler: 'archive.findOne', config: { auth: false, description: 'One published report' } },
    {
      method: 'GET',
      path: '/statistics',
      handler: 'statistics.public',
      config: { auth: false, description: 'Aggregates by status, category, office and month' },
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
    {
      method: 'PUT',
      path: '/my/language',
      handler: 'account.setLanguage',
      config: { description: "The language of the citizen's mails ({ language: 'it' | 'en' })" },
    },
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
