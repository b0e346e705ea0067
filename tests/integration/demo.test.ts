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

  it('seeds a citizen who can log in and sees four reports, through the real intake', async () => {
    const login = await app.http().post('/api/auth/local').send({ identifier: 'mario.rossi@example.it', password: 'Segnala2026!' }).expect(200);
    const mine = await app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${login.body.jwt}`).expect(200);
    expect(mine.body.data).toHaveLength(4);
    expect(mine.body.data.flatMap((report: { photos: unknown[] }) => report.photos)).toHaveLength(4);
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes('urp@comune.example.it'), { count: 4 });
  });

  it('seeds once: a restart adds nothing', async () => {
    await app.restart();
    expect(await app.strapi.db.query('plugin::segnalazioni.report').count({})).toBe(4);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(1);
  });
});
