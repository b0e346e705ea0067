import { STAFF_ACTIONS } from '../staff/staff';

const can = (...actions: string[]) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }];

/**
 * The officers' panel, under /segnalazioni. Permissions gate the routes; the office scope (an
 * officer sees only their offices' reports) is applied by the services on every call.
 */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/reports', handler: 'admin-report.list', config: { policies: can(STAFF_ACTIONS.read) } },
    { method: 'GET', path: '/reports/:documentId', handler: 'admin-report.findOne', config: { policies: can(STAFF_ACTIONS.read) } },
    // The URP desk files a report for a citizen (URP staff only: checked against the scope).
    { method: 'POST', path: '/reports/desk', handler: 'admin-report.fileAtDesk', config: { policies: can(STAFF_ACTIONS.read, STAFF_ACTIONS.act) } },
    {
      method: 'POST',
      path: '/reports/:documentId/actions/:action',
      handler: 'admin-report.act',
      config: { policies: can(STAFF_ACTIONS.read, STAFF_ACTIONS.act) },
    },
    { method: 'GET', path: '/statistics', handler: 'statistics.staff', config: { policies: can(STAFF_ACTIONS.read) } },
    { method: 'GET', path: '/ratings', handler: 'rating.staff', config: { policies: can(STAFF_ACTIONS.read) } },
    { method: 'GET', path: '/options', handler: 'admin-report.options', config: { policies: can(STAFF_ACTIONS.read) } },
  ],
};
