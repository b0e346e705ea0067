import type { TestApp } from './app';

export interface TestCitizen {
  readonly email: string;
  readonly password: string;
  readonly jwt: string;
  readonly id: number;
}

let counter = 0;

/** The confirmation link of the last confirmation mail to `email` (Italian or English), as the citizen would click it. */
export async function confirmationLink(app: TestApp, email: string, count = 1): Promise<URL> {
  const mails = await app.mailbox.waitFor(
    (mail: { to: string[]; subject: string }) => mail.to.includes(email) && /registrazione|registration/i.test(mail.subject),
    {
      count,
    },
  );
  const match = /https?:\/\/\S+email-confirmation\?confirmation=[0-9a-f]+/.exec(mails[mails.length - 1].text);
  if (!match) throw new Error(`No confirmation link in the mail to ${email}`);
  return new URL(match[0]);
}

/** Registers a citizen (in the portal's `language`, when given), confirms through the link received by mail, and logs in. */
export async function registerCitizen(app: TestApp, name = `cittadino${++counter}`, { language }: { language?: 'it' | 'en' } = {}): Promise<TestCitizen> {
  const email = `${name}@example.it`;
  const password = 'Password123!';
  await app
    .http()
    .post('/api/auth/local/register')
    .send({ username: name, email, password, firstName: 'Nome', lastName: name, ...(language ? { language } : {}) })
    .expect(200);
  const link = await confirmationLink(app, email);
  await app.http().get(`${link.pathname}${link.search}`).expect(302);
  const login = await app.http().post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return { email, password, jwt: login.body.jwt, id: login.body.user.id };
}

/** The code of the link in the last password-reset mail to `email`, and the link itself. */
export async function passwordResetLink(app: TestApp, email: string, count = 1): Promise<{ url: URL; code: string }> {
  const mails = await app.mailbox.waitFor((mail: { to: string[]; subject: string }) => mail.to.includes(email) && /reimposta la password/i.test(mail.subject), {
    count,
  });
  const match = /https?:\/\/\S+\/sportello\/reimposta-password\?code=[0-9a-f]+/.exec(mails[mails.length - 1].text);
  if (!match) throw new Error(`No reset link in the mail to ${email}`);
  const url = new URL(match[0]);
  return { url, code: url.searchParams.get('code') ?? '' };
}

/** Logs a citizen in and returns the token. */
export async function logIn(app: TestApp, email: string, password: string): Promise<string> {
  const login = await app.http().post('/api/auth/local').send({ identifier: email, password }).expect(200);
  return login.body.jwt;
}
