import { startApp, type TestApp } from '../helpers/app';

const NOTIFICATION = 'plugin::segnalazioni.notification';
type Mail = { to: string[]; headers: Record<string, string> };

const CLAIM_TIMEOUT_MS = 2500;
const SMTP_DELAY_MS = 400;

/**
 * When a message may go out twice: a claim that runs out while it is being sent, a server that dies
 * after SMTP took the mail and before it was recorded sent.
 */
describe('outbox redelivery', () => {
  let app: TestApp;
  const notifications = () => app.strapi.plugin('segnalazioni').service('notifications');
  const mailsTo = (prefix: string): Mail[] => app.mailbox.messages.filter((mail: Mail) => mail.to[0].startsWith(prefix));
  const enqueue = (recipients: string[]) =>
    notifications().enqueue(
      recipients.map((recipient) => ({ recipient, template: 'report-modified', data: { reference: 'ABCD-EFGH', title: recipient, changes: '-' } })),
    );

  beforeAll(async () => {
    app = await startApp(
      { NOTIFICATION_POLL_MS: '3600000', NOTIFICATION_CONCURRENCY: '1', NOTIFICATION_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS) },
      { smtpDelayMs: SMTP_DELAY_MS },
    );
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('sends each mail once when a second dispatcher starts while a pass longer than the claim timeout is still sending', async () => {
    const recipients = Array.from({ length: 10 }, (_, index) => `presa${index}@comune.test`);
    await enqueue(recipients);

    // One pass sends the ten mails one by one (about 4 s); another instance's pass starts after the timeout.
    const first = notifications().dispatchDue();
    await new Promise((resolve) => setTimeout(resolve, CLAIM_TIMEOUT_MS + 500));
    const second = notifications().dispatchDue();
    await Promise.all([first, second]);

    expect(
      mailsTo('presa')
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual([...recipients].sort());
  });

  it('gives a mail sent again after a crash the Message-ID of its first copy, and each notification its own', async () => {
    await enqueue(['rinvio-a@comune.test', 'rinvio-b@comune.test']);
    await notifications().dispatchDue();
    // The server died after SMTP accepted the mail to A: its row is still claimed, and the claim runs out.
    await app.strapi.db
      .query(NOTIFICATION)
      .update({ where: { recipient: 'rinvio-a@comune.test' }, data: { status: 'sending', lockedUntil: new Date(Date.now() - 1000) } });
    await notifications().dispatchDue();

    const [first, again] = mailsTo('rinvio-a');
    const [other] = mailsTo('rinvio-b');
    expect(again).toBeDefined();
    expect(again.headers['message-id']).toBe(first.headers['message-id']);
    expect(other.headers['message-id']).not.toBe(first.headers['message-id']);
    expect(first.headers['message-id']).toMatch(/^<[a-z0-9]+\.notification@sportello\.test>$/);
  });
});
