import { spawn, type ChildProcess } from 'child_process';
import { createHmac } from 'crypto';
import { ROOT, freePort, startApp, type TestApp } from '../helpers/app';
import { confirmationLink, logIn, passwordResetLink, registerCitizen, type TestCitizen } from '../helpers/citizens';
import { createStaff, type TestStaff } from '../helpers/staff';

const USER = 'plugin::users-permissions.user';
const NEW_PASSWORD = 'NuovaPassword456!';

interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** A citizen route that needs a valid token: 200 while it counts, 401 once revoked. */
const myReports = (app: TestApp, token: string) => app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${token}`);

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A token as users-permissions signed them before ours carried the issue time in milliseconds. */
function legacyToken(claims: Record<string, unknown>, secret: string): string {
  const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, number>;

/** Another Strapi server process on the same database, listening on PORT, as a second instance of a deployment. */
const SECOND_SERVER = `
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: process.cwd(), distDir: path.join(process.cwd(), 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .then(() => process.stdout.write('ready\\n'), (error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });
`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Status, body and the median time of `times` identical requests. */
async function answers(send: () => Promise<{ status: number; body: unknown }>, times = 5) {
  const durations: number[] = [];
  let last: { status: number; body: unknown } = { status: 0, body: null };
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    last = await send();
    durations.push(performance.now() - started);
  }
  return { status: last.status, body: last.body, medianMs: median(durations) };
}

describe('hardening: citizen accounts', () => {
  let app: TestApp;
  let admin: TestStaff;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '200' });
    admin = await createStaff(app, 'admin.urp@comune.test', { code: 'strapi-super-admin' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('tokens', () => {
    let citizen: TestCitizen;

    beforeEach(async () => {
      citizen = await registerCitizen(app);
    });

    it('ends older tokens when the citizen changes the password; the token it answers with works', async () => {
      const other = await logIn(app, citizen.email, citizen.password);
      const changed = await app
        .http()
        .post('/api/auth/change-password')
        .set('Authorization', `Bearer ${citizen.jwt}`)
        .send({ currentPassword: citizen.password, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
        .expect(200);

      await myReports(app, citizen.jwt).expect(401);
      await myReports(app, other).expect(401);
      await myReports(app, changed.body.jwt).expect(200);
      await myReports(app, await logIn(app, citizen.email, NEW_PASSWORD)).expect(200);
    });

    it('ends a token issued in the same second as the password change, not one issued after it', async () => {
      const tokens = app.strapi.plugin('users-permissions').service('jwt');
      const users = app.strapi.plugin('users-permissions').service('user');
      // Tries until both tokens fall in one second of `iat`: only the millisecond stamp tells them apart.
      for (let attempt = 1; ; attempt += 1) {
        const before: string = tokens.issue({ id: citizen.id });
        await users.edit(citizen.id, { password: `${NEW_PASSWORD}${attempt}` });
        const after: string = tokens.issue({ id: citizen.id });
        if (claimsOf(before).iat !== claimsOf(after).iat && attempt < 10) continue;
        expect(claimsOf(before).iat).toBe(claimsOf(after).iat);
        await myReports(app, before).expect(401);
        await myReports(app, after).expect(200);
        return;
      }
    });

    it('ends older tokens when an administrator changes the password in the Content Manager', async () => {
      const { documentId } = await app.strapi.db.query(USER).findOne({ where: { id: citizen.id } });
      await app
        .http()
        .put(`/content-manager/collection-types/${USER}/${documentId}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ password: NEW_PASSWORD })
        .expect(200);

      await myReports(app, citizen.jwt).expect(401);
      await myReports(app, await logIn(app, citizen.email, NEW_PASSWORD)).expect(200);
    });

    it('ends older tokens when the citizen is blocked, and they stay ended once unblocked', async () => {
      const { documentId } = await app.strapi.db.query(USER).findOne({ where: { id: citizen.id } });
      const cm = `/content-manager/collection-types/${USER}/${documentId}`;
      await app.http().put(cm).set('Authorization', `Bearer ${admin.token}`).send({ blocked: true }).expect(200);
      await myReports(app, citizen.jwt).expect(401);

      await app.http().put(cm).set('Authorization', `Bearer ${admin.token}`).send({ blocked: false }).expect(200);
      await myReports(app, citizen.jwt).expect(401);
      await myReports(app, await logIn(app, citizen.email, citizen.password)).expect(200);
    });

    it('logs out: the token ends, and so do the citizen’s other sessions', async () => {
      const other = await logIn(app, citizen.email, citizen.password);
      const logout = await app.http().post('/api/auth/logout').set('Authorization', `Bearer ${citizen.jwt}`).expect(200);
      expect(logout.body).toEqual({ ok: true });

      await myReports(app, citizen.jwt).expect(401);
      await myReports(app, other).expect(401);
      await app.http().post('/api/auth/logout').set('Authorization', `Bearer ${citizen.jwt}`).expect(401);
      await myReports(app, await logIn(app, citizen.email, citizen.password)).expect(200);
    });

    it('refuses a token signed with the secret but without the issue time in milliseconds', async () => {
      const now = Math.floor(Date.now() / 1000);
      const legacy = legacyToken({ id: citizen.id, iat: now, exp: now + 3600 }, process.env.JWT_SECRET as string);
      await myReports(app, legacy).expect(401);
    });
  });

  describe('with two server processes on one database', () => {
    let second: ChildProcess;
    let secondUrl: string;

    beforeAll(async () => {
      const port = await freePort();
      secondUrl = `http://127.0.0.1:${port}`;
      second = spawn(process.execPath, ['-e', SECOND_SERVER], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        second.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        second.on('exit', (code) => reject(new Error(`second server exited with ${code}`)));
      });
    });

    afterAll(async () => {
      if (second && second.exitCode === null) {
        second.kill('SIGTERM');
        await new Promise((resolve) => second.once('exit', resolve));
      }
    });

    it('ends a token on both once either ends it: a logout on one, a password change on the other', async () => {
      const citizen = await registerCitizen(app);
      const there = (path: string, token: string, method = 'GET') => fetch(`${secondUrl}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
      expect((await there('/api/segnalazioni/my/reports', citizen.jwt)).status).toBe(200);

      expect((await there('/api/auth/logout', citizen.jwt, 'POST')).status).toBe(200);
      await myReports(app, citizen.jwt).expect(401);

      const again = await logIn(app, citizen.email, citizen.password);
      expect((await there('/api/segnalazioni/my/reports', again)).status).toBe(200);
      await app
        .http()
        .post('/api/auth/change-password')
        .set('Authorization', `Bearer ${again}`)
        .send({ currentPassword: citizen.password, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
        .expect(200);
      expect((await there('/api/segnalazioni/my/reports', again)).status).toBe(401);
    });
  });

  describe('password reset', () => {
    it('mails an Italian link on the public address through the outbox; the page’s code sets a new password', async () => {
      const citizen = await registerCitizen(app);
      const asked = await app.http().post('/api/auth/forgot-password').send({ email: citizen.email.toUpperCase() }).expect(200);
      expect(asked.body).toEqual({ ok: true });

      const { url, code } = await passwordResetLink(app, citizen.email);
      expect(`${url.origin}${url.pathname}`).toBe('http://sportello.test/sportello/reimposta-password');
      const [mail] = (app.mailbox.to(citizen.email) as Mail[]).filter((m) => /reimposta/i.test(m.subject));
      expect(mail.subject).toBe('Reimposta la password dello Sportello Segnalazioni – Comune di Esempio');
      expect(mail.text).toContain('entro 60 minuti');
      const notification = await app.strapi.db
        .query('plugin::segnalazioni.notification')
        .findOne({ where: { recipient: citizen.email, template: 'password-reset' } });
      expect(notification).toMatchObject({ channel: 'email', template: 'password-reset' });
      const stored = await app.strapi.db.query(USER).findOne({ where: { id: citizen.id } });
      const minutesLeft = (new Date(stored.resetPasswordExpiresAt).getTime() - Date.now()) / 60000;
      expect(minutesLeft).toBeGreaterThan(55);
      expect(minutesLeft).toBeLessThanOrEqual(60);

      const reset = await app.http().post('/api/auth/reset-password').send({ code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }).expect(200);
      await myReports(app, reset.body.jwt).expect(200);
      await myReports(app, citizen.jwt).expect(401);
      await app.http().post('/api/auth/local').send({ identifier: citizen.email, password: citizen.password }).expect(400);
      await myReports(app, await logIn(app, citizen.email, NEW_PASSWORD)).expect(200);

      const again = await app
        .http()
        .post('/api/auth/reset-password')
        .send({ code, password: 'Altra789!abc', passwordConfirmation: 'Altra789!abc' })
        .expect(400);
      expect(again.body.error).toMatchObject({ status: 400, name: 'ValidationError', message: expect.stringMatching(/non è valido o è scaduto/) });
    });

    it('refuses an expired code and keeps the password', async () => {
      const citizen = await registerCitizen(app);
      await app.http().post('/api/auth/forgot-password').send({ email: citizen.email }).expect(200);
      const { code } = await passwordResetLink(app, citizen.email);
      await app.strapi.db.query(USER).update({ where: { id: citizen.id }, data: { resetPasswordExpiresAt: new Date(Date.now() - 1000) } });

      const refused = await app.http().post('/api/auth/reset-password').send({ code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }).expect(400);
      expect(refused.body).toMatchObject({
        data: null,
        error: { status: 400, name: 'ValidationError', message: expect.stringMatching(/scaduto/), details: expect.any(Object) },
      });
      await myReports(app, citizen.jwt).expect(200);
      await logIn(app, citizen.email, citizen.password);
    });

    it('refuses a malformed code in Italian', async () => {
      const refused = await app
        .http()
        .post('/api/auth/reset-password')
        .send({ code: { $ne: '' }, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD })
        .expect(400);
      expect(refused.body.error.message).toMatch(/non è valido o è scaduto/);
    });

    it('confirms an unconfirmed address, as the code was read in its mailbox', async () => {
      const email = 'mai.confermato@example.it';
      await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: email, email, password: 'Password123!', firstName: 'Mai', lastName: 'Confermato' })
        .expect(200);
      await app.http().post('/api/auth/forgot-password').send({ email }).expect(200);
      const { code } = await passwordResetLink(app, email);
      await app.http().post('/api/auth/reset-password').send({ code, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }).expect(200);
      await myReports(app, await logIn(app, email, NEW_PASSWORD)).expect(200);
    });
  });

  describe('no account enumeration', () => {
    let confirmed: TestCitizen;
    const unconfirmed = 'in.attesa@example.it';
    const blocked = 'bloccato@example.it';

    beforeAll(async () => {
      confirmed = await registerCitizen(app, 'esistente');
      await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: unconfirmed, email: unconfirmed, password: 'Password123!', firstName: 'In', lastName: 'Attesa' })
        .expect(200);
      await confirmationLink(app, unconfirmed);
      const blockedCitizen = await registerCitizen(app, 'bloccato');
      await app.strapi.db.query(USER).update({ where: { id: blockedCitizen.id }, data: { blocked: true } });
      app.mailbox.clear();
    });

    it('answers forgot-password alike for an account, an unknown address and a blocked account', async () => {
      const ask = (email: string) => answers(() => app.http().post('/api/auth/forgot-password').send({ email }));
      const known = await ask(confirmed.email);
      const unknown = await ask('nessuno@example.it');
      const refused = await ask(blocked);

      for (const other of [unknown, refused]) {
        expect(other.status).toBe(known.status);
        expect(other.body).toEqual(known.body);
        expect(Math.abs(other.medianMs - known.medianMs)).toBeLessThan(100);
      }
      expect(known).toMatchObject({ status: 200, body: { ok: true } });
      await passwordResetLink(app, confirmed.email, 5);
      expect(app.mailbox.to('nessuno@example.it')).toEqual([]);
      expect(app.mailbox.to(blocked)).toEqual([]);
    });

    it('answers send-email-confirmation alike for every address; each owner hears what fits by mail', async () => {
      const resend = (email: string) => answers(() => app.http().post('/api/auth/send-email-confirmation').send({ email }), 3);
      const byAddress = {
        unknown: await resend('sconosciuto@example.it'),
        unconfirmed: await resend(unconfirmed),
        confirmed: await resend(confirmed.email),
        blocked: await resend(blocked),
      };
      for (const [address, result] of Object.entries(byAddress)) {
        expect({ address, status: result.status }).toEqual({ address, status: 200 });
        expect(Object.keys(result.body as object).sort()).toEqual(['email', 'sent']);
        expect(Math.abs(result.medianMs - byAddress.unknown.medianMs)).toBeLessThan(100);
      }
      await confirmationLink(app, unconfirmed, 3);
      const [exists] = await app.mailbox.waitFor(
        (mail: Mail) => mail.to.includes(confirmed.email) && mail.subject === 'Il tuo account dello Sportello Segnalazioni – Comune di Esempio',
        { count: 3 },
      );
      expect(exists.text).toContain('http://sportello.test/sportello/accesso');
      expect(exists.text).toContain('http://sportello.test/sportello/password-dimenticata');
      expect(app.mailbox.to('sconosciuto@example.it')).toEqual([]);
      expect(app.mailbox.to(blocked)).toEqual([]);
    });

    it('answers a registration with a taken address like a new one, changes nothing and tells the owner', async () => {
      const register = (email: string, password = 'AltraPassword1!') =>
        app.http().post('/api/auth/local/register').send({ username: email, email, password, firstName: 'Intruso', lastName: 'Curioso' });
      const ownerHeard = (mail: Mail) =>
        mail.to.includes(confirmed.email) && mail.subject === 'Il tuo account dello Sportello Segnalazioni – Comune di Esempio';
      const heardBefore = app.mailbox.messages.filter(ownerHeard).length;
      const fresh = await answers(() => register(`nuovo${Math.random().toString(36).slice(2)}@example.it`), 1);
      const taken = await answers(() => register(confirmed.email), 3);
      const freshTimes = await answers(() => register(`nuovo${Math.random().toString(36).slice(2)}@example.it`), 3);

      expect(taken.status).toBe(200);
      expect(taken.status).toBe(fresh.status);
      expect(Object.keys(taken.body as object)).toEqual(Object.keys(fresh.body as object));
      expect(taken.body).toEqual({
        user: {
          username: confirmed.email,
          email: confirmed.email,
          firstName: 'Intruso',
          lastName: 'Curioso',
          language: 'it',
          confirmed: false,
          blocked: false,
        },
      });
      // Both hash a password (bcrypt, cost 10): the time does not tell them apart.
      expect(taken.medianMs / freshTimes.medianMs).toBeGreaterThan(0.5);
      expect(taken.medianMs / freshTimes.medianMs).toBeLessThan(2);

      const owner = await app.strapi.db.query(USER).findOne({ where: { email: confirmed.email } });
      expect(owner).toMatchObject({ firstName: 'Nome', confirmed: true });
      expect(await app.strapi.db.query(USER).count({ where: { email: confirmed.email } })).toBe(1);
      await logIn(app, confirmed.email, confirmed.password);
      await app.http().post('/api/auth/local').send({ identifier: confirmed.email, password: 'AltraPassword1!' }).expect(400);
      await app.mailbox.waitFor(ownerHeard, { count: heardBefore + 3 });

      // The input is checked before the address: an invalid registration is refused alike for both.
      const short = (email: string) =>
        app.http().post('/api/auth/local/register').send({ username: email, email, password: 'corta', firstName: 'A', lastName: 'B' });
      const invalidTaken = await short(confirmed.email);
      expect(invalidTaken.status).toBe(400);
      expect(invalidTaken.body).toEqual((await short('libero@example.it')).body);
    });

    it('takes as long to refuse a login of an unknown address as one with a wrong password', async () => {
      const login = (identifier: string) => answers(() => app.http().post('/api/auth/local').send({ identifier, password: 'Sbagliata123!' }));
      const wrongPassword = await login(confirmed.email);
      const unknown = await login('mai.visto@example.it');
      expect(unknown.status).toBe(400);
      expect(unknown.body).toEqual(wrongPassword.body);
      expect(unknown.medianMs / wrongPassword.medianMs).toBeGreaterThan(0.5);
    });

    it('sends the confirmation link again when the taken address is not confirmed yet', async () => {
      const before = app.mailbox.to(unconfirmed).length;
      const answer = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: unconfirmed, email: unconfirmed, password: 'Password123!', firstName: 'In', lastName: 'Attesa' })
        .expect(200);
      expect(answer.body.user).toMatchObject({ email: unconfirmed, confirmed: false });
      await confirmationLink(app, unconfirmed, before + 1);
    });
  });
});
