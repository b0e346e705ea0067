import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { ROOT, startApp, type TestApp } from '../helpers/app';

const NOTIFICATION = 'plugin::segnalazioni.notification';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

/** Two Strapi processes share one PostgreSQL database and one outbox: each mail leaves once. */
(onPostgres ? describe : describe.skip)('outbox with two instances on one PostgreSQL', () => {
  let app: TestApp;
  let second: ChildProcess;
  let secondOutput = '';

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '100', NOTIFICATION_CONCURRENCY: '2' }, { smtpDelayMs: 40 });
    second = spawn(process.execPath, [path.join(ROOT, 'tests/helpers/second-instance.js')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      second.stdout!.on('data', (chunk: Buffer) => {
        secondOutput += chunk.toString();
        if (secondOutput.includes('ready')) resolve();
      });
      second.on('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
    });
  });

  afterAll(async () => {
    if (second && second.exitCode === null) {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    await app?.stop();
  });

  it('delivers each of 60 mails exactly once, with both instances sending', async () => {
    const email = app.strapi.plugin('email').service('email');
    const send = email.send.bind(email);
    let sentHere = 0;
    email.send = async (options: unknown) => {
      await send(options);
      sentHere += 1;
    };

    const recipients = Array.from({ length: 60 }, (_, index) => `destinatario${index}@comune.test`);
    await app.strapi.db.transaction(() =>
      app.strapi
        .plugin('segnalazioni')
        .service('notifications')
        .enqueue(recipients.map((recipient) => ({ recipient, template: 'report-modified', data: { reference: 'ABCD-EFGH', title: recipient, changes: '-' } }))),
    );

    await app.mailbox.waitFor((mail: { to: string[] }) => mail.to[0].startsWith('destinatario'), { count: 60, timeoutMs: 30000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const delivered = app.mailbox.messages.flatMap((mail: { to: string[] }) => mail.to).filter((to: string) => to.startsWith('destinatario'));
    expect(delivered).toHaveLength(60);
    expect(new Set(delivered).size).toBe(60);
    const rows = await app.strapi.db.query(NOTIFICATION).findMany({ where: { recipient: { $in: recipients } } });
    expect(rows.every((row: { status: string; attempts: number }) => row.status === 'sent' && row.attempts === 1)).toBe(true);

    second.kill('SIGTERM');
    await new Promise((resolve) => second.once('exit', resolve));
    const sentThere = Math.max(0, ...[...secondOutput.matchAll(/sent (\d+)/g)].map((match) => Number(match[1])));
    expect(sentHere).toBeGreaterThan(0);
    expect(sentThere).toBeGreaterThan(0);
    expect(sentHere + sentThere).toBe(60);
  });
});
