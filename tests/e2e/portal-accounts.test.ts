import type { Browser, Page } from 'playwright-core';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { accessibilityReport } from '../helpers/axe';
import { artifact, hasChromium, launchChromium } from '../helpers/browser';
import { confirmationLink, passwordResetLink } from '../helpers/citizens';
import { createCitizen } from '../helpers/staff';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SESSION_KEY = 'sportello.sessione';

/** The citizen portal's account pages in a real browser: "Esci" on the server, and a forgotten password. */
(hasChromium ? describe : describe.skip)('citizen portal accounts in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const email = 'ugo.ferro@example.it';

  const audit = async (name: string) => expect(await accessibilityReport(page, name, { desktop: DESKTOP, phone: PHONE })).toBe('');
  const logInThroughPortal = async (password: string) => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
  };
  const sessionToken = () => page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { jwt: string } | null)?.jwt ?? '', SESSION_KEY);
  const statusWith = async (token: string) => (await app.http().get('/api/segnalazioni/my/reports').set('Authorization', `Bearer ${token}`)).status;

  beforeAll(async () => {
    // The mails' links point at PUBLIC_URL: make it this server, so the browser can follow them.
    const port = await freePort();
    app = await startApp({ NOTIFICATION_POLL_MS: '200', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, { admin: true });
    await createCitizen(app, email);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: DESKTOP, locale: 'it-IT' })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('"Esci" ends the token on the server, not only in the tab', async () => {
    await page.goto(`${app.url}/sportello/accesso`);
    await logInThroughPortal('Password123!');
    const token = await sessionToken();
    expect(await statusWith(token)).toBe(200);

    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('link', { name: 'Accedi all’area personale' }).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), SESSION_KEY)).toBeNull();
    expect(await statusWith(token)).toBe(401);
  });

  it('stays logged in in a new tab (a mail’s link), and "Esci" there logs out the other tab too', async () => {
    await page.goto(`${app.url}/sportello/accesso`);
    await logInThroughPortal('Password123!');
    const tab = await page.context().newPage();
    await tab.goto(`${app.url}/sportello/le-mie-segnalazioni`);
    await tab.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
    await tab.getByRole('button', { name: 'Esci' }).click();
    await tab.getByRole('link', { name: 'Accedi all’area personale' }).waitFor();
    await page.getByRole('link', { name: 'Accedi all’area personale' }).waitFor();
    await tab.close();
  });

  it('follows a report from its mail in a fresh browser, with no password, revokes the link, and looks the report up by reference', async () => {
    const citizen = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: { title: 'Panchina rotta ai giardini', description: 'La panchina vicino alla fontana ha un’asse spezzata.', category: 'zone-verdi' },
        files: [],
      });
    const [receipt] = (await app.mailbox.waitFor(
      (mail: { to: string[]; text: string }) => mail.to.includes(email) && mail.text.includes(`Riferimento: ${report.reference}`),
    )) as {
      text: string;
    }[];
    const [link = ''] = receipt.text.match(/(?<=Segui la segnalazione: )\S+/) ?? [];
    // Another browser: no session, no storage, as on the phone where the mail was read.
    const context = await browser.newContext({ viewport: PHONE, locale: 'it-IT' });
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.getByRole('heading', { level: 1, name: 'Panchina rotta ai giardini' }).waitFor();
    await fresh.getByText('Questo è il tuo collegamento personale alla segnalazione', { exact: false }).waitFor();
    await fresh.getByText('La panchina vicino alla fontana ha un’asse spezzata.').waitFor();
    expect(await accessibilityReport(fresh, 'segui, collegamento personale', { desktop: DESKTOP, phone: PHONE })).toBe('');
    await fresh.screenshot({ path: artifact('portal-follow-link.png'), fullPage: true });

    fresh.once('dialog', (dialog) => void dialog.accept());
    await fresh.getByRole('button', { name: 'Revoca i collegamenti a questa segnalazione' }).click();
    await fresh.getByText('Collegamenti revocati', { exact: false }).waitFor();
    await fresh.reload();
    await fresh.getByText('Questo collegamento è stato revocato', { exact: false }).waitFor();

    // Anyone with the reference sees where it stands, and nothing the citizen wrote.
    await fresh.goto(`${app.url}/sportello`);
    await fresh.locator('footer').getByRole('link', { name: 'Stato di una segnalazione' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Stato di una segnalazione' }).waitFor();
    await fresh.getByLabel('Riferimento').fill(report.reference.toLowerCase());
    await fresh.getByRole('button', { name: 'Cerca', exact: true }).click();
    await fresh.getByRole('heading', { level: 2, name: new RegExp(`^Segnalazione ${report.reference}`) }).waitFor();
    expect(await fresh.locator('main').textContent()).not.toContain('Panchina');
    expect(fresh.url()).toBe(`${app.url}/sportello/stato?riferimento=${report.reference}`);
    expect(await accessibilityReport(fresh, 'stato di una segnalazione', { desktop: DESKTOP, phone: PHONE })).toBe('');
    await context.close();
  });

  it('a citizen who forgot the password asks for a link from the login page, chooses a new one and logs in with it', async () => {
    await page.goto(`${app.url}/sportello/accesso`);
    await page.getByRole('link', { name: 'Password dimenticata?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Password dimenticata' }).waitFor();
    await audit('password dimenticata');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByText('Richiesta inviata: controlla la tua posta.').waitFor();
    await page.screenshot({ path: artifact('portal-forgot-password-desktop.png'), fullPage: true });

    const { url } = await passwordResetLink(app, email);
    expect(url.origin).toBe(app.url);
    await page.goto(url.href);
    await page.getByRole('heading', { level: 1, name: 'Scegli una nuova password' }).waitFor();
    await audit('reimposta password');
    await page.getByLabel(/^Nuova password/).fill('NuovaPassword2026!');
    await page.getByLabel('Ripeti la nuova password').fill('Diversa2026!');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('Ripeti la nuova password: le due password non coincidono.').first().waitFor();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: artifact('portal-reset-password-phone.png'), fullPage: true });
    await page.setViewportSize(DESKTOP);

    await page.getByLabel('Ripeti la nuova password').fill('NuovaPassword2026!');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.waitForURL(/\/sportello\/accesso\?reimpostata=1$/);
    await page.getByText('Password cambiata.').waitFor();
    await logInThroughPortal('NuovaPassword2026!');

    // The same link a second time: refused in Italian, with a way to ask for a new one.
    await page.goto(url.href);
    await page.getByLabel(/^Nuova password/).fill('AncoraUna2026!');
    await page.getByLabel('Ripeti la nuova password').fill('AncoraUna2026!');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page
      .getByText(/non è valido o è scaduto/)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Chiedine uno nuovo' }).waitFor();
  });

  it("registers in the portal's language, follows the switch while logged in, and brings the account's language back at login", async () => {
    const languageOf = async (address: string) =>
      ((await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: address }, select: ['language'] })) as { language: string })
        .language;
    const english = 'emma.stone@example.it';
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'it-IT' });
    const tab = await context.newPage();
    await tab.goto(`${app.url}/sportello/registrazione`);
    await tab.getByRole('button', { name: 'EN English' }).click();
    await tab.getByLabel('First name').fill('Emma');
    await tab.getByLabel('Last name').fill('Stone');
    await tab
      .getByLabel(/^Email/)
      .first()
      .fill(english);
    await tab.getByLabel(/^Password/).fill('Password123!');
    await tab.getByRole('button', { name: 'Register', exact: true }).click();
    await tab.getByText('You are registered: check your email.').waitFor();
    expect(await languageOf(english)).toBe('en');
    const link = await confirmationLink(app, english);
    expect(app.mailbox.to(english)[0].subject).toBe('Confirm your registration to Sportello Segnalazioni – Comune di Esempio');
    await tab.goto(link.href);

    await tab.getByLabel('Email').fill(english);
    await tab.getByLabel('Password').fill('Password123!');
    await tab.getByRole('button', { name: 'Log in', exact: true }).click();
    await tab.getByRole('heading', { level: 1, name: 'My reports' }).waitFor();
    await tab.getByRole('button', { name: 'IT Italiano' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
    // The switch tells the server without waiting for its answer.
    for (let tries = 0; tries < 50 && (await languageOf(english)) !== 'it'; tries += 1) await tab.waitForTimeout(100);
    expect(await languageOf(english)).toBe('it');

    // Logged out, the portal switched to English on this device: logging in brings the account's Italian back.
    await tab.getByRole('button', { name: 'Esci' }).click();
    await tab.getByRole('button', { name: 'EN English' }).click();
    await tab.goto(`${app.url}/sportello/accesso`);
    await tab.getByLabel('Email').fill(english);
    await tab.getByLabel('Password').fill('Password123!');
    await tab.getByRole('button', { name: 'Log in', exact: true }).click();
    await tab.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
    expect(await languageOf(english)).toBe('it');
    await context.close();
  });
});
