import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { accessibilityReport } from '../helpers/axe';
import { artifact, hasChromium, launchChromium } from '../helpers/browser';
import { confirmationLink } from '../helpers/citizens';
import { jpegWithGps } from '../helpers/images';
import { jpegPhotoFile } from '../helpers/photo-files';
import { createCitizen, createOffice, createStaff } from '../helpers/staff';

type Mail = { to: string[]; subject: string };

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The citizen portal in a real browser: the archive and its search, then a citizen's whole journey. */
(hasChromium ? describe : describe.skip)('citizen portal in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const published = 'Statua dell’ornitorinco imbrattata';
  const unpublished = 'Ornitorinco dipinto sul muro del cortile';
  const other = 'Panchina rotta ai giardini';

  /** Both widths, as CI keeps them. */
  const screenshots = async (name: string) => {
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: artifact(`portal-${name}-desktop.png`), fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: artifact(`portal-${name}-phone.png`), fullPage: true });
    await page.setViewportSize(DESKTOP);
  };

  /** axe-core at both widths: no WCAG 2.1 A/AA violation, each printed readably if there is one. */
  const audit = async (name: string) => expect(await accessibilityReport(page, name, { desktop: DESKTOP, phone: PHONE })).toBe('');

  beforeAll(async () => {
    // The mails' links point at PUBLIC_URL: make it this server, so the browser can follow them.
    const port = await freePort();
    app = await startApp(
      { NOTIFICATION_POLL_MS: '200', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, MUNICIPALITY_NAME: 'Comune di Prova' },
      { admin: true },
    );
    const officer = await createStaff(app, 'marta.verde@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Parchi', 'parchi@comune.test', [officer.id], ['zone-verdi', 'vandalismo-incuria']);
    const citizen = await createCitizen(app, 'ugo.ferro@example.it');
    const intake = app.strapi.plugin('segnalazioni').service('intake');
    const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
      app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);

    const shown = await intake.submit({
      citizen,
      input: {
        title: published,
        description: 'La statua dell’ornitorinco ai giardini è stata imbrattata con vernice spray.',
        category: 'vandalismo-incuria',
        address: 'Giardini Zumaglini',
      },
      files: [await jpegPhotoFile()],
    });
    const taken = await act(shown.documentId, 'take_in_charge');
    await act(shown.documentId, 'moderate_text', { decision: 'approve' });
    await act(shown.documentId, 'moderate_photo', { photo: taken.body.data.photos[0].documentId, decision: 'approve' });
    await act(shown.documentId, 'publish');
    await act(shown.documentId, 'reply', { kind: 'feasibility', body: 'La squadra del decoro pulirà la statua entro venerdì.', public: true });

    const bench = await intake.submit({
      citizen,
      input: { title: other, description: 'Una panchina ha la seduta spezzata, vicino alla fontana.', category: 'zone-verdi' },
      files: [],
    });
    await act(bench.documentId, 'take_in_charge');
    await act(bench.documentId, 'moderate_text', { decision: 'approve' });
    await act(bench.documentId, 'publish');

    const hidden = await intake.submit({
      citizen,
      input: { title: unpublished, description: 'Un ornitorinco dipinto: questa segnalazione non è pubblicata.', category: 'zone-verdi' },
      files: [],
    });
    await act(hidden.documentId, 'take_in_charge');
    await act(hidden.documentId, 'moderate_text', { decision: 'approve' });

    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP, locale: 'it-IT' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('search finds the published report and not the unpublished one; the report shows photo, reply and history', async () => {
    await page.goto(`${app.url}/sportello`);
    await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
    expect(await page.locator('.it-brand-title').first().textContent()).toBe('Comune di Prova');
    expect(await page.title()).toBe('Segnalazioni - Sportello Segnalazioni - Comune di Prova');

    await page.getByLabel('Cerca tra le segnalazioni').fill('ornitorinco');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('heading', { name: '1 segnalazione trovata' }).waitFor();
    // The results heading takes focus, so a screen reader reads the count at once.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('risultati');
    expect(new URL(page.url()).search).toBe('?q=ornitorinco');
    await page.getByRole('link', { name: published }).waitFor();
    expect(await page.getByText(other).count()).toBe(0);
    expect(await page.getByText(unpublished).count()).toBe(0);
    expect(await page.getByText('Ornitorinco dipinto').count()).toBe(0);
    await screenshots('archive-search');
    await audit('archive');

    // By category: the counts are of published reports only, and the filter keeps to them.
    const categories = page.getByRole('navigation', { name: 'Categorie' });
    expect(await categories.getByRole('link', { name: /^Zone verdi/ }).textContent()).toBe('Zone verdi1 segnalazione');
    await categories.getByRole('link', { name: /^Zone verdi/ }).click();
    await page.getByRole('heading', { name: '1 segnalazione trovata' }).waitFor();
    expect(new URL(page.url()).searchParams.get('categoria')).toBe('zone-verdi');
    await page.getByRole('link', { name: other }).waitFor();
    expect(await page.getByText(unpublished).count()).toBe(0);
    await page.getByRole('link', { name: 'Azzera i filtri' }).click();
    await page.getByRole('heading', { name: '2 segnalazioni trovate' }).waitFor();
    await page.getByRole('link', { name: published }).waitFor();

    await page.getByRole('link', { name: published }).click();
    await page.getByRole('heading', { level: 1, name: published }).waitFor();
    const photo = page.getByRole('img', { name: `Foto 1 di 1 della segnalazione «${published}»` });
    await photo.waitFor();
    expect(await photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await page.getByText('La squadra del decoro pulirà la statua entro venerdì.').waitFor();
    for (const step of ['Segnalazione inviata', 'Pubblicata dal Comune', 'Risposta sulla fattibilità']) await page.getByText(step, { exact: true }).waitFor();
    expect(await page.getByText(/^\d{4}\/\d{6}$/).count()).toBe(1);
    await screenshots('report');
    await audit('report');

    // The report's address opened directly, as from a mail or a bookmark.
    await page.goto(page.url());
    await page.getByRole('heading', { level: 1, name: published }).waitFor();
  });

  it('a citizen registers, confirms through the mail, sends a report with a photo and finds it in "le mie segnalazioni"', async () => {
    const email = 'carla.bianchi@example.it';
    const password = 'Sportello2026!';

    await page.goto(`${app.url}/sportello/registrazione`);
    await page.getByRole('heading', { level: 1, name: 'Registrati' }).waitFor();
    await audit('registration');
    await page.getByRole('textbox', { name: 'Nome', exact: true }).fill('Carla');
    await page.getByRole('textbox', { name: 'Cognome' }).fill('Bianchi');
    await page.getByRole('textbox', { name: 'Email' }).first().fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Registrati' }).click();
    await page.getByText('Registrazione avvenuta: controlla la tua posta.').waitFor();
    await screenshots('registered');

    const link = await confirmationLink(app, email);
    expect(link.origin).toBe(app.url);
    await page.goto(link.href);
    await page.waitForURL(/\/sportello\/accesso\?confermato=1$/);
    await page.getByText('Indirizzo email confermato.').waitFor();
    await audit('login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
    await page.getByText('Non hai ancora inviato segnalazioni.').waitFor();
    await page.getByRole('link', { name: 'Area personale di Carla Bianchi' }).waitFor();

    // The steps, by keyboard where a citizen would use it.
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Segnala un disservizio' }).click();
    await page.getByRole('heading', { level: 2, name: 'Informativa sulla privacy' }).waitFor();
    await audit('segnala, privacy notice');
    await page.getByRole('button', { name: 'Avanti' }).press('Enter');
    await page.getByText('Per continuare conferma di aver letto l’informativa.').first().waitFor();
    await page.getByLabel('Ho letto e compreso l’informativa sulla privacy').press('Space');
    await page.getByRole('button', { name: 'Avanti' }).press('Enter');
    const dataHeading = page.getByRole('heading', { level: 2, name: 'Dati della segnalazione' });
    await dataHeading.waitFor();
    expect(await dataHeading.evaluate((heading) => heading === document.activeElement)).toBe(true);
    await audit('segnala, data');

    await page.getByLabel('Categoria').selectOption({ label: 'Dissesto stradale' });
    await page.getByLabel('Indirizzo').fill('Via Italia 14');
    // Too short for the server's rule: its message must come back beside the field.
    await page.getByLabel('Titolo').fill('Buca');
    await page.getByLabel('Dettagli').fill('Davanti al civico 14 c’è una buca profonda che fa cadere le biciclette.');
    await page.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'buca.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await page.getByRole('button', { name: 'Rimuovi la foto buca.jpg' }).waitFor();
    await page.getByRole('button', { name: 'Avanti' }).click();
    await page.getByRole('heading', { level: 2, name: 'Riepilogo' }).waitFor();
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await dataHeading.waitFor();
    const title = page.getByLabel('Titolo');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby')) ?? '';
    const fieldError = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent();
    expect(fieldError).toBe('Titolo: almeno 5 caratteri visibili.');
    await screenshots('submit-error');
    await audit('segnala, data refused');

    await title.fill('Buca profonda in via Italia');
    await page.getByRole('button', { name: 'Avanti' }).click();
    await page.getByRole('heading', { level: 2, name: 'Riepilogo' }).waitFor();
    await page.getByText('buca.jpg').waitFor();
    await screenshots('submit-summary');
    await audit('segnala, summary');
    const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/segnalazioni/reports'));
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await page.getByRole('heading', { name: 'Segnalazione inviata' }).waitFor();
    // The submission is named, so a retry after a timeout cannot make a second report.
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    const reference = (await page.locator('.submit-outcome .reference').textContent()) ?? '';
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText(`Ti abbiamo inviato un’email di ricevuta a ${email}.`).waitFor();
    await screenshots('submit-done');
    await audit('segnala, sent');
    const [receipt] = (await app.mailbox.waitFor((mail: Mail) => mail.to.includes(email) && mail.subject.includes(reference))) as Mail[];
    expect(receipt.subject).toBe(`Segnalazione ${reference}: ricevuta – Comune di Prova`);

    await page.getByRole('link', { name: 'Le mie segnalazioni' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
    const card = page.locator('article', { hasText: 'Buca profonda in via Italia' });
    await card.getByText(reference).waitFor();
    for (const fact of ['Inviata', 'Non ancora assegnato', 'Presa in carico entro']) await card.getByText(fact, { exact: true }).waitFor();
    await screenshots('my-reports');
    await audit('le mie segnalazioni');

    await card.getByRole('link', { name: 'Buca profonda in via Italia' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buca profonda in via Italia' }).waitFor();
    const own = page.getByRole('img', { name: 'Foto 1 di 1 della segnalazione «Buca profonda in via Italia»' });
    await own.waitFor();
    expect(await own.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await page.getByText('Foto in attesa di verifica').waitFor();
    await screenshots('my-report');
    await audit('my report');

    // On a phone the menu opens from its button and leads to the same pages.
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Mostra o nascondi il menu' }).click();
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Segnalazioni', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: 'Esci' }).click();
    await page.goto(`${app.url}/sportello/le-mie-segnalazioni`);
    await page.waitForURL(/\/sportello\/accesso\?ritorno=/);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  });

  it('speaks English once chosen in the header: remembered, in <html lang>, dates and statuses in English', async () => {
    await page.goto(`${app.url}/sportello`);
    await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');
    const languages = page.getByRole('group', { name: 'Lingua' });
    expect(await languages.getByRole('button', { name: /^IT/ }).getAttribute('aria-pressed')).toBe('true');

    await languages.getByRole('button', { name: 'EN English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Reports - Sportello Segnalazioni - Comune di Prova');
    // Focus stays on the switch, which keeps its place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('lang'))).toBe('en');
    // The chosen language stands out (axe does not flag text coloured like its background, so this does),
    // once Bootstrap Italia's colour transition has run.
    await page.waitForFunction(
      () => {
        const style = getComputedStyle(document.querySelector('#lingua button[lang="en"]') as Element);
        return style.color === 'rgb(0, 64, 128)' && style.backgroundColor === 'rgb(255, 255, 255)';
      },
      undefined,
      { timeout: 5000 },
    );
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Report a problem' }).waitFor();
    await page.getByRole('link', { name: 'Skip to content' }).waitFor();

    // Remembered: a new visit opens in English.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '2 reports found' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('sportello.lingua'))).toBe('en');
    const card = page.locator('article', { hasText: published });
    // The server domain's status label, and the date in English, in Rome's time zone.
    await card.getByText('In progress', { exact: true }).waitFor();
    expect(await card.locator('time').textContent()).toMatch(
      /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
    );
    await screenshots('archive-english');
    await audit('archive, English');

    await page.getByRole('link', { name: published }).click();
    await page.getByText('Answer on feasibility', { exact: true }).waitFor();
    await page.getByRole('img', { name: `Photo 1 of 1 of the report “${published}”` }).waitFor();
    await audit('report, English');

    // users-permissions' own English message, as the portal words it in the chosen language.
    await page.getByRole('link', { name: 'Log in to your personal area' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in to the Sportello Segnalazioni' }).waitFor();
    await page.getByLabel('Email').fill('nobody@example.it');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByText('Wrong email or password.').first().waitFor();
    await audit('login, English');

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'IT Italiano' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accedi allo Sportello Segnalazioni' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('sportello.lingua')])).toEqual(['it', 'it']);
  });
  it('links open data and the described API from the footer; the API page reads as the document says', async () => {
    await page.goto(`${app.url}/sportello`);
    const footer = page.locator('footer');
    expect(await footer.getByRole('link', { name: 'Dati aperti (CSV, CC BY 4.0)' }).getAttribute('href')).toBe('/api/segnalazioni/opendata/reports.csv');
    await footer.getByRole('link', { name: 'API e Open311 per sviluppatori' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sportello Segnalazioni — Comune di Prova: le API' }).waitFor();
    const document = (await (await page.request.get(`${app.url}/api/segnalazioni/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod).map(({ operationId }) => operationId));
    // Every operation has its section, reached from the index.
    for (const operationId of operations) expect(await page.locator(`nav a[href="#${operationId}"]`).count()).toBe(1);
    await page.locator('nav a[href="#open311CreateRequest"]').click();
    await page.getByRole('heading', { level: 3, name: 'POST /open311/v2/requests.{format}' }).waitFor();
    await audit('API page');
  });

  it('meets the Designers Italia model as the AGID validator reads it: footer, personal area, services, the service page', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${app.url}/sportello`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    /** The text and address of the one element with `data-element="name"` (the validator's selector). */
    const element = async (name: string) => {
      const found = page.locator(`[data-element="${name}"]`);
      expect([name, await found.count()]).toEqual([name, 1]);
      return { text: ((await found.textContent()) ?? '').trim(), href: await found.getAttribute('href'), tag: await found.evaluate((node) => node.tagName) };
    };
    const inFooter = async (name: string) => expect([name, await page.locator(`footer a[data-element="${name}"]`).count()]).toEqual([name, 1]);
    // The label exactly ("Segnala un disservizio" would score half).
    expect(await element('report-inefficiency')).toEqual({ text: 'Segnalazione disservizio', href: '/sportello/servizio', tag: 'A' });
    for (const name of ['report-inefficiency', 'accessibility-link', 'privacy-policy-link', 'legal-notes']) await inFooter(name);
    expect((await element('accessibility-link')).href).toBe('/sportello/accessibilita');
    expect((await element('privacy-policy-link')).href).toBe('/sportello/privacy');
    expect((await element('legal-notes')).href).toBe('/sportello/note-legali');
    expect((await element('personal-area-login')).href).toBe('/sportello/accesso');
    expect(await element('all-services')).toMatchObject({ href: '/sportello/servizi', tag: 'A' });
    /** The site's fonts and Bootstrap Italia's version, as the validator checks them on every page it visits. */
    const look = () =>
      page.evaluate(() => ({
        version: getComputedStyle(document.documentElement)
          .getPropertyValue('--bootstrap-italia-version')
          .replace(/['"\s]/g, ''),
        fonts: [...document.querySelectorAll('main h1, main h2, main p')].map((node) =>
          getComputedStyle(node).fontFamily.split(',')[0].replace(/['"]/g, '').trim(),
        ),
      }));
    const fontsOk = async (where: string) => {
      const { version, fonts } = await look();
      expect([where, Number(version.split('.')[0]) >= 2]).toEqual([where, true]);
      expect([where, [...new Set(fonts)].filter((font) => !['Titillium Web', 'Lora', 'Roboto Mono'].includes(font))]).toEqual([where, []]);
    };
    await fontsOk('home');

    await page.locator('[data-element="all-services"]').click();
    await page.getByRole('heading', { level: 1, name: 'Servizi' }).waitFor();
    await fontsOk('services');
    await audit('servizi');
    expect(await element('service-link')).toEqual({ text: 'Segnalazione disservizio', href: '/sportello/servizio', tag: 'A' });
    await page.locator('[data-element="service-link"]').click();
    await page.locator('[data-element="service-title"]').getByText('Segnalazione disservizio').waitFor();
    expect((await element('service-status')).text).toMatch(/attivo/i);
    expect((await element('service-description')).text.length).toBeGreaterThan(40);
    expect((await element('service-area')).tag).toBe('A');
    expect((await element('service-topic')).tag).toBe('A');
    expect(await page.locator('[data-element="page-index"] li a').allTextContents()).toEqual([
      'A chi è rivolto',
      'Come fare',
      'Cosa serve',
      'Cosa si ottiene',
      'Tempi e scadenze',
      'Accedi al servizio',
      'Condizioni di servizio',
      'Contatti',
    ]);
    const metadata = JSON.parse((await page.locator('script[data-element="metatag"]').textContent()) ?? '{}') as Record<string, unknown>;
    expect(metadata).toMatchObject({
      name: 'Segnalazione disservizio',
      serviceOperator: { name: 'Comune di Prova' },
      availableChannel: { serviceUrl: `${app.url}/sportello/segnala` },
    });
    await fontsOk('service');
    // The rating component, as the validator reads it, then used: 2 stars, where it was hard, a few words.
    expect((await element('feedback-title')).text).toBe('Quanto è stato facile usare questo servizio?');
    for (const value of [1, 2, 3, 4, 5]) expect((await element(`feedback-rate-${value}`)).tag).toBe('LABEL');
    const side = (name: string) => page.locator(`[data-element="feedback-rating-${name}"]`);
    expect(await side('positive').locator('[data-element="feedback-rating-question"]').textContent()).toBe('Quali sono stati gli aspetti che hai preferito?');
    expect(await side('negative').locator('[data-element="feedback-rating-question"]').textContent()).toBe('Dove hai incontrato le maggiori difficoltà?');
    expect(await side('positive').locator('[data-element="feedback-rating-answer"]').allTextContents()).toEqual([
      'Le indicazioni erano chiare',
      'Le indicazioni erano complete',
      'Capivo sempre che stavo procedendo correttamente',
      'Non ho avuto problemi tecnici',
      'Altro',
    ]);
    expect(await side('negative').locator('[data-element="feedback-rating-answer"]').allTextContents()).toEqual([
      'A volte le indicazioni non erano chiare',
      'A volte le indicazioni non erano complete',
      'A volte non capivo se stavo procedendo correttamente',
      'Ho avuto problemi tecnici',
      'Altro',
    ]);
    expect((await element('feedback-input-text')).tag).toBe('TEXTAREA');
    await page.locator('[data-element="feedback-rate-2"]').click();
    expect(await page.getByLabel('Valuta 2 stelle su 5').isChecked()).toBe(true);
    await side('negative').waitFor();
    expect(await side('positive').isVisible()).toBe(false);
    await side('negative').getByText('Ho avuto problemi tecnici', { exact: true }).click();
    await page.locator('[data-element="feedback-input-text"]').fill('La mappa non si caricava.');
    await audit('scheda servizio, valutazione');
    await page.getByRole('button', { name: 'Invia la valutazione' }).click();
    await page.getByText('Grazie, il tuo parere ci aiuterà a migliorare il servizio!').waitFor();
    expect(await app.strapi.db.query('plugin::segnalazioni.rating').findMany({ select: ['page', 'stars', 'answer', 'detail'] })).toEqual([
      { page: 'service', stars: 2, answer: 'technical', detail: 'La mappa non si caricava.' },
    ]);
    await audit('scheda servizio');
    await page.screenshot({ path: artifact('portal-service-page.png'), fullPage: true });

    for (const [name, heading] of [
      ['legal-notes', 'Note legali'],
      ['accessibility-link', 'Dichiarazione di accessibilità'],
    ] as const) {
      await page.locator(`footer [data-element="${name}"]`).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await audit(heading);
    }
    await page.getByText('conforme alle WCAG 2.1 di livello AA', { exact: false }).waitFor();
  });
});
