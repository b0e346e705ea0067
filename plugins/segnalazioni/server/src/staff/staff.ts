import type { Core } from '@strapi/strapi';
import { officeFilter, staffScope, type StaffScope } from './domain/access';
import { PLUGIN_ID, UID } from '../common/domain/uids';

const ROLE_KEY = 'officer-role';
/** Strapi's own super admin role. */
export const SUPER_ADMIN_CODE = 'strapi-super-admin';
const EDITOR_CODE = 'strapi-editor';

/** The back office's permissions, shown in Settings → Roles under "Segnalazioni". */
export const STAFF_ACTIONS = {
  read: `plugin::${PLUGIN_ID}.reports.read`,
  act: `plugin::${PLUGIN_ID}.reports.act`,
  all: `plugin::${PLUGIN_ID}.reports.all`,
} as const;

export const OWN_OFFICES_CONDITION = `plugin::${PLUGIN_ID}.own-offices`;

export const OFFICER_ROLE_NAME = 'Ufficio';

export interface AdminUser {
  id: number;
}

const CONTENT_MANAGER_READ = 'plugin::content-manager.explorer.read';

/**
 * What this admin user may see and do: the facts staff/domain/access decides from, read from the database
 * alike for the panel and for the Content Manager's condition (which runs while the request's
 * ability is being built, so it cannot ask that ability).
 */
async function scopeOfUser(strapi: Core.Strapi, user: AdminUser): Promise<StaffScope> {
  const [offices, roles] = await Promise.all([
    strapi.db.query(UID.office).findMany({ where: { officers: { id: user.id } }, select: ['id', 'triage'] }) as Promise<{ id: number; triage: boolean }[]>,
    strapi.db.query('admin::role').findMany({
      where: { users: { id: user.id } },
      select: ['code'],
      populate: { permissions: { where: { action: STAFF_ACTIONS.all }, select: ['id'] } },
    }) as Promise<{ code: string; permissions: { id: number }[] }[]>,
  ]);
  return staffScope({
    userId: user.id,
    offices,
    superAdmin: roles.some((role) => role.code === SUPER_ADMIN_CODE),
    allOffices: roles.some((role) => role.permissions.length > 0),
  });
}

/**
 * The scope once per request: on an officer's admin request the Content Manager's condition reads
 * it while Strapi builds the request's ability, and the panel's route asks again.
 */
const scopesOfRequests = new WeakMap<object, { readonly userId: number; readonly scope: Promise<StaffScope> }>();

function requestScopeOf(strapi: Core.Strapi, user: AdminUser): Promise<StaffScope> {
  const request = strapi.requestContext.get();
  if (!request) return scopeOfUser(strapi, user);
  const known = scopesOfRequests.get(request);
  if (known?.userId === user.id) return known.scope;
  const scope = scopeOfUser(strapi, user);
  scopesOfRequests.set(request, { userId: user.id, scope });
  return scope;
}

/** The Content Manager's form of a scope: everything, or the reports of these offices. */
function contentManagerCondition(scope: StaffScope): true | { 'office.id': { $in: number[] } } {
  const offices = officeFilter(scope);
  return offices === null ? true : { 'office.id': { $in: [...offices] } };
}

/** Officers, offices and what the admin lets each one do. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  registerPermissions(): void {
    const permissions = strapi.service('admin::permission');
    permissions.actionProvider.registerMany([
      { section: 'plugins', displayName: 'Vedere le segnalazioni dei propri uffici', uid: 'reports.read', pluginName: PLUGIN_ID },
      { section: 'plugins', displayName: 'Lavorare le segnalazioni (presa in carico, moderazione, risposte)', uid: 'reports.act', pluginName: PLUGIN_ID },
      { section: 'plugins', displayName: 'Vedere le segnalazioni di tutti gli uffici (URP)', uid: 'reports.all', pluginName: PLUGIN_ID },
    ]);
    permissions.conditionProvider.registerMany([
      {
        // The panel's scope: an officer's offices; every report for URP (a triage-office officer too).
        displayName: 'Segnalazioni dei propri uffici (tutte per l’URP)',
        name: 'own-offices',
        plugin: PLUGIN_ID,
        handler: async (user: AdminUser) => contentManagerCondition(await requestScopeOf(strapi, user)),
      },
    ]);
  },

  /**
   * First boot: the "Ufficio" role (officers: their offices' reports, in the panel and read-only in
   * the Content Manager) and URP rights for the Editor role. Later changes by admins are kept.
   */
  async setupRolesOnce(): Promise<void> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    if (await store.get({ key: ROLE_KEY })) return;
    const roles = strapi.service('admin::role');
    const officer =
      (await roles.findOne({ name: OFFICER_ROLE_NAME })) ??
      (await roles.create({
        name: OFFICER_ROLE_NAME,
        code: 'segnalazioni-ufficio',
        description: 'Funzionari degli uffici: lavorano le segnalazioni delle categorie del proprio ufficio.',
      }));
    await roles.assignPermissions(officer.id, [
      { action: STAFF_ACTIONS.read, subject: null, properties: {}, conditions: [] },
      { action: STAFF_ACTIONS.act, subject: null, properties: {}, conditions: [] },
      { action: CONTENT_MANAGER_READ, subject: UID.report, properties: {}, conditions: [OWN_OFFICES_CONDITION] },
      { action: CONTENT_MANAGER_READ, subject: UID.category, properties: {}, conditions: [] },
      { action: CONTENT_MANAGER_READ, subject: UID.office, properties: {}, conditions: [] },
      ...['read', 'create', 'update', 'delete'].map((verb) => ({
        action: `plugin::content-manager.explorer.${verb}`,
        subject: UID.replyTemplate,
        properties: verb === 'read' || verb === 'delete' ? {} : { fields: ['name', 'kind', 'body', 'category'] },
        conditions: [],
      })),
    ]);
    const editor = await roles.findOne({ code: EDITOR_CODE });
    if (editor) {
      await roles.addPermissions(
        editor.id,
        Object.values(STAFF_ACTIONS).map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
      );
    }
    await store.set({ key: ROLE_KEY, value: { roleId: officer.id } });
  },

  /** What this admin user may see and do (staff/domain/access): their offices, or everything for URP. */
  scopeOf(user: AdminUser): Promise<StaffScope> {
    return requestScopeOf(strapi, user);
  },
});
