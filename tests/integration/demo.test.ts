import { startApp, type TestApp } from '../helpers/app';

type Mail = { to: string[]; subject: string };

describe('demo content (npm run demo)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp({ SEED_DEMO: 'true', NOTIFICATION_POLL_MS: '200' });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('seeds a citizen whose reports are in several states, through the real intake and workflow', async () => {
    const login = await app.http().post('/api/auth/local').send({ identifier: 'mario.rossi@example.it', password: 'Segnala2026!' }).expect(200);
    const mine = await app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${login.body.jwt}`).expect(200);
    expect(mine.body.data).toHaveLength(5);
    expect(mine.body.data.map((report: { status: string }) => report.status).sort()).toEqual(['closed', 'in_progress', 'rejected', 'submitted', 'submitted']);
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes('strade@comune.example.it'), { count: 2 });
    const archive = await app.http().get('/api/segnalazioni/reports').expect(200);
    expect(archive.body.meta.pagination.total).toBe(2);
  });

  it('seeds an officer who logs in to the panel and sees the roads office’s reports only', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'strade@comune.example.it', password: 'Ufficio2026!' }).expect(200);
    const queue = await app.http().get('/segnalazioni/reports?status=submitted').set('Authorization', `Bearer ${login.body.data.token}`).expect(200);
    expect(queue.body.data.map((report: { title: string }) => report.title)).toEqual(['Cartello di stop piegato']);
    await app.http().post('/admin/login').send({ email: 'admin@comune.example.it', password: 'Sportello2026!' }).expect(200);
  });

  it('seeds once: a restart adds nothing', async () => {
    await app.restart();
    expect(await app.strapi.db.query('plugin::segnalazioni.report').count({})).toBe(5);
    expect(await app.strapi.db.query('admin::user').count({})).toBe(2);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(1);
  });
});
