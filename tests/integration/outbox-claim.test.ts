import { startApp, type TestApp } from '../helpers/app';

type Mail = { to: string[] };

const CLAIM_TIMEOUT_MS = 2500;
const SMTP_DELAY_MS = 400;
const MAILS = 10;

/**
 * A claim lasts its timeout from the moment it is taken: a long dispatch pass must not hand the
 * messages it claims late to another instance while it is still sending them.
 */
describe('outbox claim timeout', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp(
      { NOTIFICATION_POLL_MS: '3600000', NOTIFICATION_CONCURRENCY: '1', NOTIFICATION_CLAIM_TIMEOUT_MS: String(CLAIM_TIMEOUT_MS) },
      { smtpDelayMs: SMTP_DELAY_MS },
    );
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('sends each mail once when a second dispatcher starts while a pass longer than the timeout is still sending', async () => {
    const notifications = app.strapi.plugin('segnalazioni').service('notifications');
    const recipients = Array.from({ length: MAILS }, (_, index) => `presa${index}@comune.test`);
    await notifications.enqueue(recipients.map((recipient) => ({ recipient, template: 'report-modified', data: { reference: 'ABCD-EFGH', title: recipient, changes: '-' } })));

    // One pass sends the ten mails one by one (about 4 s); another instance's pass starts after the timeout.
    const first = notifications.dispatchDue();
    await new Promise((resolve) => setTimeout(resolve, CLAIM_TIMEOUT_MS + 500));
    const second = notifications.dispatchDue();
    await Promise.all([first, second]);

    const delivered = app.mailbox.messages.flatMap((mail: Mail) => mail.to).filter((to: string) => to.startsWith('presa'));
    expect(delivered.sort()).toEqual([...recipients].sort());
  });
});
