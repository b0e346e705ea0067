import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import request from 'supertest';
import { ROOT, startApp, type TestApp } from '../helpers/app';
import { registerCitizen, type TestCitizen } from '../helpers/citizens';
import { startGraphApi, type GraphStandIn } from '../helpers/graph-api';
import { jpegWithGps } from '../helpers/images';
import { channelEnv, deliver, waDelivery, waMessage } from '../helpers/meta';
import { countRows } from '../helpers/row-counts';
import { createStaff } from '../helpers/staff';

const REPORT = 'plugin::segnalazioni.report';
const USER = 'plugin::users-permissions.user';
const MESSAGE = 'plugin::segnalazioni.channel-message';
const COUNTED = [REPORT, 'plugin::segnalazioni.photo', 'plugin::segnalazioni.notification', 'plugin::upload.file', USER] as const;
const TABLE = 'segnalazioni_rate_limits';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REPORT_INPUT = { title: 'Buca in via Italia', description: 'Una buca profonda davanti al civico 14.', category: 'dissesto-stradale' };

/** Low limits, for this file only (the test configuration keeps them out of the way of the others). */
const LIMITS = {
  RATE_LIMIT_REPORTS_PER_CITIZEN: '3',
  RATE_LIMIT_REPORTS_PER_IP: '1000',
  RATE_LIMIT_REPORTS_WINDOW_MINUTES: '10',
  RATE_LIMIT_REGISTRATIONS_PER_IP: '4',
  RATE_LIMIT_REGISTRATIONS_WINDOW_MINUTES: '10',
  RATE_LIMIT_LOGINS_PER_IP: '5',
  RATE_LIMIT_LOGINS_WINDOW_MINUTES: '10',
  RATE_LIMIT_STAFF_LOGINS_PER_IP: '1000',
  RATE_LIMIT_STAFF_LOGINS_PER_EMAIL: '3',
  RATE_LIMIT_STAFF_LOGINS_WINDOW_MINUTES: '10',
  RATE_LIMIT_ACCOUNT_EMAILS_PER_IP: '1000',
  RATE_LIMIT_ACCOUNT_EMAILS_PER_EMAIL: '2',
  RATE_LIMIT_ACCOUNT_EMAILS_WINDOW_MINUTES: '1440',
  RATE_LIMIT_WEBHOOKS_PER_IP: '3',
  RATE_LIMIT_WEBHOOKS_WINDOW_MINUTES: '1',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A JSON request from another loopback address, as another client on the network. */
function fromAddress(
  localAddress: string,
  port: number,
  method: string,
  requestPath: string,
  body: unknown,
): Promise<{ status: number; body: { error?: { name: string } } }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method,
        path: requestPath,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

/** A 429 in Strapi's error format, with an Italian message and a Retry-After that says the same. */
function expectRateLimited(response: { status: number; headers: Record<string, string>; body: unknown }, windowSeconds: number) {
  expect(response.status).toBe(429);
  expect(response.body).toMatchObject({
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: expect.stringMatching(/^Troppe richieste in poco tempo\. Riprova tra \d+ (second[oi]|minut[oi]|ore)\.$/),
    },
  });
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect((response.body as { error: { details: unknown } }).error.details).toEqual({ retryAfterSeconds: retryAfter, retryAt: expect.any(String) });
}

describe('abuse limits', () => {
  let app: TestApp;
  let graph: GraphStandIn;
  let port: number;
  let anna: TestCitizen;
  let bruno: TestCitizen;
  let day = 0;

  const clock = () => app.strapi.plugin('segnalazioni').service('clock');
  /** Every test starts at midnight of a day of its own: every window is new, and none ends mid-test. */
  const freshWindows = () => {
    const at = new Date((Math.ceil(Date.now() / DAY) + ++day) * DAY);
    clock().set(at);
    return at;
  };
  const later = (from: Date, ms: number) => clock().set(new Date(from.getTime() + ms));

  const snapshot = async () => ({
    rows: await countRows(app, COUNTED),
    files: fs.readdirSync(path.join(app.publicDir, 'uploads')).length,
    mails: app.mailbox.messages.length,
  });
  /** Lets the outbox (polling every 100 ms) send whatever the request might have queued. */
  const settle = () => sleep(800);

  const submit = (citizen: TestCitizen, photo?: Buffer) => {
    const call = app.http().post('/api/segnalazioni/reports').set('Authorization', `Bearer ${citizen.jwt}`).field('data', JSON.stringify(REPORT_INPUT));
    return photo ? call.attach('photos', photo, { filename: 'buca.jpg', contentType: 'image/jpeg' }) : call;
  };
  const register = (name: string) =>
    app
      .http()
      .post('/api/auth/local/register')
      .send({ username: name, email: `${name}@example.it`, password: 'Password123!', firstName: 'Nome', lastName: name });

  beforeAll(async () => {
    graph = await startGraphApi({ tokens: ['test-whatsapp-token', 'test-page-token'] });
    app = await startApp({ ...channelEnv(graph.url), ...LIMITS, NOTIFICATION_POLL_MS: '100' });
    await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    ({ port } = app.strapi.server.httpServer.address() as AddressInfo);
    freshWindows();
    anna = await registerCitizen(app, 'anna');
    bruno = await registerCitizen(app, 'bruno');
  });

  afterAll(async () => {
    await app?.stop();
    await graph?.close();
  });

  it("refuses a citizen's fourth report in the window with 429 and Retry-After, stores and mails nothing, and spares other citizens", async () => {
    const start = freshWindows();
    for (let sent = 0; sent < 3; sent += 1) await submit(anna).expect(201);
    await app.mailbox.waitFor((mail: { to: string[] }) => mail.to.includes(anna.email), { count: 3 });
    await settle();
    const before = await snapshot();

    expectRateLimited(await submit(anna, await jpegWithGps(400, 300)), 10 * 60);
    const [own] = (await app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${anna.jwt}`).expect(200)).body.data;
    const edit = await app
      .http()
      .put(`/api/segnalazioni/my/reports/${own.documentId}`)
      .set('Authorization', `Bearer ${anna.jwt}`)
      .field('data', JSON.stringify({ title: 'Buca enorme in via Italia' }));
    expectRateLimited(edit, 10 * 60);
    await settle();
    expect(await snapshot()).toEqual(before);
    expect((await app.strapi.db.query(REPORT).findOne({ where: { documentId: own.documentId } })).title).toBe(REPORT_INPUT.title);

    await submit(bruno).expect(201);

    later(start, 10 * MINUTE);
    await submit(anna).expect(201);
  });

  it('lets exactly the limit through when a citizen sends many reports at once', async () => {
    freshWindows();
    const before = await app.strapi.db.query(REPORT).count({});
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(bruno)));
    expect(responses.map((response) => response.status).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect(await app.strapi.db.query(REPORT).count({})).toBe(before + 3);
  });

  it('refuses the fifth registration from one address, also through GraphQL, and not one from another address', async () => {
    freshWindows();
    for (const name of ['carla', 'dario', 'elena', 'fabio']) await register(name).expect(200);
    await app.mailbox.waitFor((mail: { to: string[] }) => mail.to.includes('fabio@example.it'));
    await settle();
    const before = await snapshot();

    expectRateLimited(await register('gino'), 10 * 60);
    const graphql = await app
      .http()
      .post('/graphql')
      .send({ query: 'mutation { register(input: { username: "gino", email: "gino@example.it", password: "Password123!" }) { jwt } }' });
    expect(graphql.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Troppe richieste/), extensions: { error: { name: 'RateLimitError' } } });
    await settle();
    expect(await snapshot()).toEqual(before);
    expect(await app.strapi.db.query(USER).count({ where: { email: 'gino@example.it' } })).toBe(0);

    const elsewhere = await fromAddress('127.0.0.2', port, 'POST', '/api/auth/local/register', {
      username: 'gino',
      email: 'gino@example.it',
      password: 'Password123!',
      firstName: 'Gino',
      lastName: 'Gialli',
    });
    expect(elsewhere).toMatchObject({ status: 200 });
  });

  it('refuses logins from one address after five attempts, the right password and password resets included', async () => {
    freshWindows();
    for (let attempt = 0; attempt < 5; attempt += 1)
      await app
        .http()
        .post('/api/auth/local')
        .send({ identifier: anna.email, password: `sbagliata${attempt}` })
        .expect(400);
    expectRateLimited(await app.http().post('/api/auth/local').send({ identifier: anna.email, password: anna.password }), 10 * 60);
    expectRateLimited(
      await app.http().post('/api/auth/reset-password').send({ code: 'abc', password: 'Password456!', passwordConfirmation: 'Password456!' }),
      10 * 60,
    );
    const elsewhere = await fromAddress('127.0.0.3', port, 'POST', '/api/auth/local', { identifier: anna.email, password: anna.password });
    expect(elsewhere).toMatchObject({ status: 200 });
  });

  it("refuses an officer's admin login after three tries of the email, the right password included, and not another officer's", async () => {
    freshWindows();
    const officer = await createStaff(app, 'paola.verdi@comune.test', { code: 'strapi-super-admin' });
    freshWindows();
    const counters = async () => Number(((await app.strapi.db.connection(TABLE).count({ count: '*' }).first()) as { count: number | string }).count);
    const before = await counters();
    const login = (email: string, password: string) => app.http().post('/admin/login').send({ email, password });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(officer.email, `sbagliata${attempt}`)).status).toBe(400);
    expectRateLimited(await login(officer.email, 'Ufficio2026!'), 10 * 60);
    // The email is counted however it is written.
    expectRateLimited(await login(' Paola.Verdi@Comune.test ', 'Ufficio2026!'), 10 * 60);
    expect((await login('mario.rossi@comune.test', 'sbagliata')).status).toBe(400);
    // Counted in the database (per address and per email), so every server process refuses alike.
    expect(await counters()).toBeGreaterThanOrEqual(before + 3);
  });

  it('refuses a third confirmation mail to one address in the window, and a reset request for it, without mailing', async () => {
    freshWindows();
    await register('ivo').expect(200);
    await app.mailbox.waitFor((mail: { to: string[] }) => mail.to.includes('ivo@example.it'));
    const resend = (email: string) => app.http().post('/api/auth/send-email-confirmation').send({ email });
    await resend('ivo@example.it').expect(200);
    await resend('IVO@example.it').expect(200);
    await app.mailbox.waitFor((mail: { to: string[] }) => mail.to.includes('ivo@example.it'), { count: 3 });
    await settle();
    const before = await snapshot();

    expectRateLimited(await resend('ivo@example.it'), DAY / 1000);
    expectRateLimited(await app.http().post('/api/auth/forgot-password').send({ email: 'ivo@example.it' }), DAY / 1000);
    await settle();
    expect(await snapshot()).toEqual(before);

    // Another address is not held back by ivo's limit (its answer is the same for every address).
    await resend('anna@example.it').expect(200);
  });

  it('answers a webhook flood from one address 429, and takes the refused delivery when Meta delivers it again', async () => {
    const start = freshWindows();
    const delivery = (n: number) => waDelivery([waMessage.text(`wamid.limite${n}`, `39333000000${n}`, `Lampione spento numero ${n}`, start)]);
    for (let n = 1; n <= 3; n += 1) await deliver(app, 'whatsapp', delivery(n)).expect(200);

    expectRateLimited(await deliver(app, 'whatsapp', delivery(4)), 60);
    expect(await app.strapi.db.query(MESSAGE).count({ where: { externalId: 'wamid.limite4' } })).toBe(0);

    later(start, MINUTE);
    await deliver(app, 'whatsapp', delivery(4)).expect(200);
    expect(await app.strapi.db.query(MESSAGE).count({ where: { externalId: 'wamid.limite4' } })).toBe(1);
    // Each sender is answered once, while the clock still stands within WhatsApp's 24 hours.
    expect(await graph.waitFor(() => graph.whatsappSent(), 4)).toHaveLength(4);
  });

  it('keeps its counters hashed, and sweeps those of ended windows', async () => {
    const rows = (await app.strapi.db.connection(TABLE).select('bucket')) as { bucket: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every(({ bucket }) => /^[0-9a-f]{64}$/.test(bucket))).toBe(true);

    clock().set(new Date((Math.ceil(Date.now() / DAY) + day + 2) * DAY));
    expect(await app.strapi.plugin('segnalazioni').service('rate-limits').sweep()).toBe(rows.length);
    expect(Number(((await app.strapi.db.connection(TABLE).count({ count: '*' }).first()) as { count: number | string }).count)).toBe(0);
  });

  (onPostgres ? describe : describe.skip)('with two server processes on one PostgreSQL', () => {
    let second: ChildProcess;
    let secondPort = 0;

    beforeAll(async () => {
      clock().set(null);
      second = spawn(process.execPath, [path.join(ROOT, 'tests/helpers/second-instance.js')], {
        cwd: ROOT,
        env: process.env,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      await new Promise<void>((resolve, reject) => {
        second.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const ready = /ready (\d+)/.exec(output);
          if (ready) {
            secondPort = Number(ready[1]);
            resolve();
          }
        });
        second.on('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
      });
    });

    afterAll(async () => {
      if (second && second.exitCode === null) {
        second.kill('SIGTERM');
        await new Promise((resolve) => second.once('exit', resolve));
      }
    });

    it('counts the requests of both against one limit', async () => {
      const here = () => app.http().post('/api/auth/send-email-confirmation').send({ email: 'condiviso@example.it' });
      const there = () => request(`http://127.0.0.1:${secondPort}`).post('/api/auth/send-email-confirmation').send({ email: 'condiviso@example.it' });
      await here().expect(200);
      await there().expect(200);
      expectRateLimited(await here(), DAY / 1000);
      expectRateLimited(await there(), DAY / 1000);
    });
  });
});
