import { startApp, type TestApp } from '../helpers/app';
import { registerCitizen, type TestCitizen } from '../helpers/citizens';

const NOTIFICATION = 'plugin::segnalazioni.notification';
type Mail = { to: string[]; subject: string };

describe('notifications outbox', () => {
  let app: TestApp;
  let citizen: TestCitizen;

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '150', NOTIFICATION_RETRY_BASE_MS: '100', NOTIFICATION_MAX_ATTEMPTS: '4', SMTP_TIMEOUT_MS: '1000' });
    citizen = await registerCitizen(app, 'paziente');
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('with SMTP down, submission answers 201 at once; the mails go out when SMTP returns', async () => {
    await app.mailbox.pause();
    const started = Date.now();
    const response = await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${citizen.jwt}`)
      .field('data', JSON.stringify({ title: 'Rifiuti abbandonati', description: 'Sacchi di rifiuti lasciati accanto al parco.', category: 'rifiuti' }))
      .expect(201);
    expect(Date.now() - started).toBeLessThan(1500);
    const reference = response.body.data.reference;

    // Attempts fail while the server is away, and are retried.
    await waitUntil(async () => (await app.strapi.db.query(NOTIFICATION).count({ where: { lastError: { $notNull: true }, status: 'pending' } })) >= 2);
    const pending = await app.strapi.db.query(NOTIFICATION).findMany({ where: { template: { $in: ['report-received', 'report-receipt'] } } });
    expect(pending.map((n: { status: string }) => n.status)).toEqual(['pending', 'pending']);
    expect(app.mailbox.messages.filter((m: Mail) => m.subject.includes(reference))).toHaveLength(0);

    await app.mailbox.resume();
    await app.mailbox.waitFor((m: Mail) => m.subject.includes(reference), { count: 2 });
    await waitUntil(
      async () =>
        (await app.strapi.db.query(NOTIFICATION).count({ where: { status: 'sent', template: { $in: ['report-received', 'report-receipt'] } } })) === 2,
    );
    // Delivered once each, never twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.mailbox.messages.filter((m: Mail) => m.subject.includes(reference))).toHaveLength(2);
  });

  it('marks a notification failed, for staff to see, after the last attempt', async () => {
    await app.mailbox.pause();
    await app.strapi
      .plugin('segnalazioni')
      .service('notifications')
      .enqueue([{ recipient: 'nessuno@comune.test', template: 'report-modified', data: { reference: 'ABCD-EFGH', title: 'Prova', changes: '- niente' } }]);
    await waitUntil(
      async () => (await app.strapi.db.query(NOTIFICATION).count({ where: { recipient: 'nessuno@comune.test', status: 'failed' } })) === 1,
      15000,
    );
    const failed = await app.strapi.db.query(NOTIFICATION).findOne({ where: { recipient: 'nessuno@comune.test' } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 4 });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    await app.mailbox.resume();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(app.mailbox.to('nessuno@comune.test')).toHaveLength(0);
  });

  it('renders the English templates when the notification is in English', async () => {
    await app.strapi
      .plugin('segnalazioni')
      .service('notifications')
      .enqueue([
        { recipient: 'visitor@example.com', template: 'report-modified', locale: 'en', data: { reference: 'ABCD-EFGH', title: 'Test', changes: '- Title' } },
      ]);
    void app.strapi.plugin('segnalazioni').service('notifications').kick();
    const [mail] = await app.mailbox.waitFor((m: Mail) => m.to.includes('visitor@example.com'));
    expect(mail.subject).toBe('Report ABCD-EFGH: changed by its sender, “Test” – Comune di Esempio');
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
