import { startApp, type TestApp } from '../helpers/app';

const REPORT = 'plugin::segnalazioni.report';
const HISTORY = 'plugin::segnalazioni.history-entry';

describe('foundation', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.stop();
  });

  describe('citizen registration', () => {
    it('stores nome and cognome given at registration', async () => {
      const response = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'mario.rossi', email: 'mario.rossi@example.it', password: 'Password123!', firstName: 'Mario', lastName: 'Rossi' })
        .expect(200);

      expect(response.body.user).toMatchObject({ firstName: 'Mario', lastName: 'Rossi', email: 'mario.rossi@example.it' });
      const stored = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: 'mario.rossi@example.it' } });
      expect(stored).toMatchObject({ firstName: 'Mario', lastName: 'Rossi' });
    });

    it('refuses a registration without nome and cognome, and creates no user', async () => {
      const response = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'anonimo', email: 'anonimo@example.it', password: 'Password123!' })
        .expect(400);

      expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'anonimo@example.it' } })).toBe(0);
    });

    it('refuses fields that are not allowed at registration', async () => {
      const response = await app
        .http()
        .post('/api/auth/local/register')
        .send({ username: 'furbo', email: 'furbo@example.it', password: 'Password123!', firstName: 'F', lastName: 'F', role: 1 })
        .expect(400);
      expect(response.body.error.status).toBe(400);
      expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'furbo@example.it' } })).toBe(0);
    });
  });

  describe('history', () => {
    it('is append-only: an entry can be written, never changed or deleted', async () => {
      const report = await app.strapi.documents(REPORT).create({
        data: {
          reference: 'TEST-0001',
          title: 'Buca in via Roma',
          description: 'Una buca profonda davanti al civico 12.',
          submittedAt: new Date().toISOString(),
          status: 'submitted',
          channel: 'web',
          textModeration: 'pending',
          isPublic: false,
        },
      });
      const entry = await app.strapi.documents(HISTORY).create({
        data: { report: report.documentId, action: 'submit', actorType: 'citizen', toStatus: 'submitted', occurredAt: new Date().toISOString() },
      });

      await expect(app.strapi.documents(HISTORY).update({ documentId: entry.documentId, data: { action: 'close' } })).rejects.toMatchObject({
        name: 'PolicyError',
        message: expect.stringMatching(/cronologia/),
      });
      await expect(app.strapi.documents(HISTORY).delete({ documentId: entry.documentId })).rejects.toMatchObject({
        name: 'PolicyError',
      });
      expect(await app.strapi.documents(HISTORY).findOne({ documentId: entry.documentId })).toMatchObject({ action: 'submit' });
    });
  });

  describe('mail', () => {
    it('reaches the SMTP server through the configured email provider', async () => {
      await app.strapi.plugin('email').service('email').send({
        to: 'ufficio@comune.test',
        subject: 'Prova di invio',
        text: 'Il server di posta funziona.',
      });

      const [mail] = await app.mailbox.waitFor((m: { to: string[] }) => m.to.includes('ufficio@comune.test'));
      expect(mail).toMatchObject({ subject: 'Prova di invio', from: expect.stringContaining('segnalazioni@comune.test') });
      expect(mail.text.trim()).toBe('Il server di posta funziona.');
    });
  });

  describe('the content API exposes no plugin type by itself', () => {
    it.each(['photos', 'replies', 'history-entries', 'notifications', 'offices'])('/api/segnalazioni/%s has no generic route', async (plural) => {
      const response = await app.http().get(`/api/segnalazioni/${plural}`);
      expect([401, 403, 404, 405]).toContain(response.status);
      expect(JSON.stringify(response.body)).not.toContain('Buca in via Roma');
    });
  });
});
