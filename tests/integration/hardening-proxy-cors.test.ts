import { startApp, type TestApp } from '../helpers/app';
import { createStaff } from '../helpers/staff';

/** Koa's own reading of a request (address, scheme) with the server's configuration; no socket needed. */
const contextOf = (app: TestApp, headers: Record<string, string>) =>
  app.strapi.server.app.createContext({ headers, socket: { remoteAddress: '127.0.0.1' } } as never, { setHeader() {}, getHeader() {} } as never);

const SITE = 'http://sportello.test';
const INSTITUTIONAL = 'https://www.comune.test';

/** The admin refresh cookie a login sets, as the browser receives it. */
async function refreshCookie(app: TestApp, email: string, headers: Record<string, string>): Promise<string> {
  const login = await app.http().post('/admin/login').set(headers).send({ email, password: 'Ufficio2026!', rememberMe: true }).expect(200);
  const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
  const refresh = cookies.find((cookie) => cookie.startsWith('strapi_admin_refresh='));
  if (!refresh) throw new Error(`no refresh cookie in ${JSON.stringify(cookies)}`);
  return refresh;
}

describe('behind a TLS proxy (IS_PROXIED)', () => {
  let app: TestApp;
  let email: string;

  beforeAll(async () => {
    // Production: Strapi marks the admin's cookies Secure only there, and only over HTTPS.
    app = await startApp({ NODE_ENV: 'production', IS_PROXIED: 'true', CORS_ORIGINS: INSTITUTIONAL, RATE_LIMIT_LOGINS_PER_IP: '2' });
    email = (await createStaff(app, 'urp.proxy@comune.test', { code: 'strapi-super-admin' })).email;
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('knows the request came over HTTPS from X-Forwarded-Proto, and marks the admin refresh cookie Secure', async () => {
    const cookie = await refreshCookie(app, email, { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' });
    expect(cookie).toMatch(/;\s*secure/i);
    expect(cookie).toMatch(/;\s*httponly/i);
  });

  it('reads the client address from the entry its proxy added, not from what the client wrote before it', () => {
    const context = contextOf(app, { 'x-forwarded-for': '10.6.6.6, 198.51.100.23' });
    expect(context.request.ip).toBe('198.51.100.23');
  });

  it('counts logins per client, not one bucket for everybody behind the proxy', async () => {
    const wrongLogin = (client: string) =>
      app.http().post('/api/auth/local').set('X-Forwarded-For', client).send({ identifier: 'nessuno@example.it', password: 'sbagliata1' });
    await wrongLogin('203.0.113.7').expect(400);
    await wrongLogin('203.0.113.7').expect(400);
    await wrongLogin('203.0.113.7').expect(429);
    await wrongLogin('203.0.113.8').expect(400);
  });

  it('lets the site and the listed origins call the API with credentials, and no other origin', async () => {
    for (const origin of [SITE, INSTITUTIONAL]) {
      const answer = await app.http().get('/api/segnalazioni/categories').set('Origin', origin).expect(200);
      expect(answer.headers['access-control-allow-origin']).toBe(origin);
      expect(answer.headers['access-control-allow-credentials']).toBe('true');
    }
    for (const path of ['/api/segnalazioni/categories', '/admin/access-token']) {
      const answer = await app.http().post(path).set('Origin', 'https://evil.example').set('X-Forwarded-Proto', 'https');
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('answers a preflight from another origin without allowing it', async () => {
    const answer = await app.http().options('/admin/access-token').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('not behind a proxy (the default)', () => {
  let app: TestApp;

  beforeAll(async () => {
    // The environment of the app above stays in process.env: say what this one runs with.
    app = await startApp({ NODE_ENV: 'production', IS_PROXIED: 'false', CORS_ORIGINS: '', RATE_LIMIT_LOGINS_PER_IP: '2' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('ignores forwarded headers a client sends: they cannot forge HTTPS or another address', async () => {
    const context = contextOf(app, { 'x-forwarded-for': '198.51.100.23', 'x-forwarded-proto': 'https' });
    expect(context.request.ip).toBe('127.0.0.1');
    expect(context.request.secure).toBe(false);
  });

  it('does not give a client who forges X-Forwarded-For a fresh login limit', async () => {
    const wrongLogin = (n: number) =>
      app.http().post('/api/auth/local').set('X-Forwarded-For', `198.51.100.${n}`).send({ identifier: 'nessuno@example.it', password: 'sbagliata1' });
    await wrongLogin(1).expect(400);
    await wrongLogin(2).expect(400);
    await wrongLogin(3).expect(429);
  });
});
