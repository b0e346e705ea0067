import type { TestApp } from './app';

export interface TestStaff {
  readonly id: number;
  readonly email: string;
  readonly token: string;
}

/** Every test officer's password. */
export const STAFF_PASSWORD = 'Ufficio2026!';

/** An admin user with the given role (by code or name), logged in to the admin API. */
export async function createStaff(app: TestApp, email: string, role: { code?: string; name?: string }): Promise<TestStaff> {
  const roleRow = await app.strapi.db.query('admin::role').findOne({ where: role });
  if (!roleRow) throw new Error(`No admin role ${JSON.stringify(role)}`);
  const [firstname, lastname] = email.split('@')[0].split('.');
  const user = await app.strapi.service('admin::user').create({
    email,
    firstname,
    lastname: lastname ?? 'Test',
    password: STAFF_PASSWORD,
    isActive: true,
    registrationToken: null,
    preferedLanguage: 'it',
    roles: [roleRow.id],
  });
  const login = await app.http().post('/admin/login').send({ email, password: STAFF_PASSWORD }).expect(200);
  return { id: user.id, email, token: login.body.data.token };
}

/** An office with officers and categories, as an editor sets it up in the Content Manager. */
export async function createOffice(app: TestApp, name: string, emails: string, officerIds: number[], categorySlugs: string[]) {
  const office = await app.strapi.db.query('plugin::segnalazioni.office').create({
    data: { name, emails, triage: false, officers: officerIds },
  });
  for (const slug of categorySlugs) {
    await app.strapi.db.query('plugin::segnalazioni.category').update({ where: { slug }, data: { office: office.id } });
  }
  return office;
}

/** A confirmed citizen, created directly (registration itself is tested elsewhere). */
export async function createCitizen(app: TestApp, email: string) {
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const [firstName, lastName] = email.split('@')[0].split('.');
  return app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: email,
      email,
      password: 'Password123!',
      firstName,
      lastName: lastName ?? 'Test',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
}

/** Takes a report through the panel to the public archive: in charge, text approved, published. */
export async function publishThroughPanel(app: TestApp, officer: TestStaff, documentId: string): Promise<void> {
  for (const [action, body] of [
    ['take_in_charge', {}],
    ['moderate_text', { decision: 'approve' }],
    ['publish', {}],
  ] as const) {
    await app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
  }
}
