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
  });

  it('seeds a WhatsApp report and a phone call filed at the desk, waiting in the URP’s triage tab', async () => {
    const login = await app.http().post('/admin/login').send({ email: 'admin@comune.example.it', password: 'Sportello2026!' }).expect(200);
    const as = (path: string) => app.http().get(path).set('Authorization', `Bearer ${login.body.data.token}`).expect(200);
    const triage = await as('/segnalazioni/reports?triage=true');
    expect(triage.body.meta.triage).toBe(2);
    const byChannel = Object.fromEntries(triage.body.data.map((report: { channel: string; documentId: string }) => [report.channel, report.documentId]));
    expect(Object.keys(byChannel).sort()).toEqual(['desk', 'whatsapp']);

    const whatsapp = (await as(`/segnalazioni/reports/${byChannel.whatsapp}`)).body.data;
    expect(whatsapp).toMatchObject({
      status: 'submitted',
      category: null,
      office: { name: 'URP - Ufficio Relazioni con il Pubblico' },
      citizen: { name: 'Franca Gialli', phone: '393471234567', email: null },
      title: 'Lampione spento da una settimana in via Gramsci, di sera il marciapiede è…',
      address: 'Via Gramsci 20, Biella',
      latitude: 45.561,
      longitude: 8.059,
    });
    expect(whatsapp.history.map((entry: { action: string; actorType: string }) => [entry.action, entry.actorType])).toEqual([
      ['submit', 'channel'],
      ['edit', 'reporter'],
    ]);
    expect(await app.strapi.db.query('plugin::segnalazioni.channel-message').count({ where: { sender: '393471234567' } })).toBe(2);
    // The demo has no Meta settings: the WhatsApp answers give up at once, saying why, instead of retrying for hours.
    const answers = () => app.strapi.db.query('plugin::segnalazioni.notification').findMany({ where: { channel: 'whatsapp' } });
    for (let waited = 0; (await answers()).some((answer: { status: string }) => answer.status !== 'failed') && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const given = await answers();
    expect(given.length).toBeGreaterThan(0);
    for (const answer of given)
      expect(answer).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('WhatsApp non è configurato') });

    const desk = (await as(`/segnalazioni/reports/${byChannel.desk}`)).body.data;
    expect(desk).toMatchObject({
      title: 'Albero pericolante in via Lamarmora',
      status: 'submitted',
      category: null,
      citizen: { name: 'Giovanni Bianchi', phone: '0153511234', email: null },
    });
    expect(desk.history).toEqual([
      expect.objectContaining({ action: 'submit', actorType: 'desk', actor: 'Paola Ferri', details: expect.objectContaining({ citizenNotice: 'none' }) }),
    ]);
    await app.mailbox.waitFor((mail: Mail) => mail.to.includes('urp@comune.example.it') && mail.subject.includes(desk.reference));
  });

  it('seeds once: a restart adds nothing', async () => {
    await app.restart();
    expect(await app.strapi.db.query('plugin::segnalazioni.report').count({})).toBe(7);
    expect(await app.strapi.db.query('plugin::segnalazioni.channel-message').count({})).toBe(2);
    expect(await app.strapi.db.query('admin::user').count({})).toBe(2);
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({})).toBe(1);
  });
});
