import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { accessibilityReport } from '../helpers/axe';
import { artifact, hasChromium, launchChromium } from '../helpers/browser';
import { jpegWithGps } from '../helpers/images';
import { jpegPhotoFile, pngPhotoFile } from '../helpers/photo-files';
import { createCitizen, createOffice, createStaff } from '../helpers/staff';
import { startTiles } from '../helpers/tiles';

type Mail = { to: string[]; subject: string; text: string };

/** The panel holds from a tablet held upright to a laptop. */
const PANEL_WIDTHS = { tablet: { width: 768, height: 1024 }, desktop: { width: 1280, height: 800 } } as const;

/** Whether the page scrolls sideways, and which of the header's parts overlap (none should). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    const header = document.querySelector('[data-panel-header]');
    const title = header?.querySelector('h1');
    if (!title || !header) return [...problems, 'no header'];
    const parts = [title, ...header.querySelectorAll('button, a, [role="status"], p')].filter((element) => element.getBoundingClientRect().width > 0);
    const boxes = parts.map((element) => ({ name: (element.textContent ?? '').trim().slice(0, 30), box: element.getBoundingClientRect() }));
    for (const [index, a] of boxes.entries())
      for (const b of boxes.slice(index + 1)) {
        if (parts[index].contains(parts[boxes.indexOf(b)]) || parts[boxes.indexOf(b)].contains(parts[index])) continue;
        const overlap = a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1;
        if (overlap) problems.push(`"${a.name}" overlaps "${b.name}"`);
      }
    for (const { name, box } of boxes) if (box.right > window.innerWidth + 1) problems.push(`"${name}" is cut at the right edge`);
    return problems;
  });
}

/** An officer works a report through the whole panel, in a real browser. */
(hasChromium ? describe : describe.skip)('officers’ panel in Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let documentId: string;
  let tiles: Awaited<ReturnType<typeof startTiles>>;
  const placed: { original?: { documentId: string; reference: string }; copy?: { documentId: string } } = {};
  const citizenEmail = 'giorgio.neri@example.it';

  /** Clicks a button and waits for the panel's call to the server for `action` to succeed. */
  const act = async (button: string, action: string) => {
    const response = page.waitForResponse((r) => r.url().includes(`/actions/${action}`) && r.request().method() === 'POST');
    await page.getByRole('button', { name: button, exact: true }).click();
    expect((await response).status()).toBe(200);
  };

  beforeAll(async () => {
    // The mails' links point at PUBLIC_URL: make it this server, so the browser can follow them.
    const port = await freePort();
    tiles = await startTiles();
    app = await startApp({ NOTIFICATION_POLL_MS: '200', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, MAP_TILE_URL: tiles.url }, { admin: true });
    const officer = await createStaff(app, 'sara.strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade@comune.test', [officer.id], ['dissesto-stradale']);
    const citizen = await createCitizen(app, citizenEmail);
    const report = await app.strapi
      .plugin('segnalazioni')
      .service('intake')
      .submit({
        citizen,
        input: {
          title: 'Tombino sollevato in via Garibaldi',
          description: 'Il tombino davanti al numero 3 è sollevato di cinque centimetri.',
          category: 'dissesto-stradale',
        },
        files: [await jpegPhotoFile(), await pngPhotoFile()],
      });
    documentId = report.documentId;
    // Two reports of one pothole, 30 m apart, by another citizen (this one's mails are counted below).
    const neighbour = await createCitizen(app, 'lia.vicini@example.it');
    const placedReport = (title: string, latitude: number, longitude: number) =>
      app.strapi
        .plugin('segnalazioni')
        .service('intake')
        .submit({
          citizen: neighbour,
          input: { title, description: `${title}: una buca larga mezzo metro.`, category: 'dissesto-stradale', latitude, longitude },
          files: [],
        });
    placed.original = await placedReport('Buca in piazza Martiri', 45.5629, 8.0583);
    placed.copy = await placedReport('Buca grande in piazza Martiri', 45.5631, 8.0585);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'it-IT' });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await tiles?.stop();
  });

  it('logs in, takes in charge, moderates, publishes, replies and closes', async () => {
    await page.goto(`${app.url}/admin/auth/login`);
    await page.fill('input[name="email"]', 'sara.strade@comune.test');
    await page.fill('input[name="password"]', 'Ufficio2026!');
    await page.click('button[type="submit"]');
    await page.getByRole('link', { name: 'Segnalazioni' }).first().waitFor();

    await page.goto(`${app.url}/admin/plugins/segnalazioni`);
    await page.getByText('Tombino sollevato in via Garibaldi').waitFor();
    // The office's "new report" mail opens the report in this panel, ready to act on.
    const [officeMail] = await app.mailbox.waitFor((m: Mail) => m.to.includes('strade@comune.test') && m.subject.includes(': nuova, «'));
    const [panelLink] = officeMail.text.match(/(?<=Gestisci la segnalazione: )\S+/) ?? [];
    expect(panelLink).toBe(`${app.url}/admin/plugins/segnalazioni/reports/${documentId}`);
    await page.goto(panelLink);
    await page.getByRole('heading', { name: 'Tombino sollevato in via Garibaldi' }).waitFor();
    await page.getByRole('button', { name: 'Prendi in carico', exact: true }).waitFor();
    await page.screenshot({ path: artifact('panel-report-submitted.png'), fullPage: true });

    await act('Prendi in carico', 'take_in_charge');
    await act('Approva il testo', 'moderate_text');
    await act('Approva la foto 1', 'moderate_photo');
    await act('Pubblica', 'publish');
    // A public reply is previewed as the archive will show it, and a phone number in it is pointed out.
    const reply = page.getByRole('textbox', { name: /^Testo della risposta/ });
    await reply.fill('Per informazioni chiamare il geometra al 347 123 4567.');
    await page.getByText('Il testo sembra contenere un numero di telefono: togli questi dati prima di pubblicare.').waitFor();
    await reply.fill('Abbiamo segnalato il tombino alla ditta incaricata: interverrà entro una settimana.');
    await page.getByText('Il testo sembra contenere').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Così apparirà nell’archivio pubblico' }).waitFor();
    await page.getByText('Abbiamo segnalato il tombino alla ditta incaricata', { exact: false }).last().waitFor();
    expect(await accessibilityReport(page, 'panel, reply form', PANEL_WIDTHS)).toBe('');
    await act('Invia la risposta', 'reply');
    // Closing has its own form, its own required answer and a confirmation.
    await page.getByRole('tab', { name: 'Chiusura' }).click();
    const close = page.getByRole('button', { name: 'Chiudi la segnalazione', exact: true });
    expect(await close.isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: /^Risposta finale/ }).fill('Il tombino è stato rimesso in quota. Grazie della segnalazione.');
    await close.click();
    const confirm = page.getByRole('alertdialog', { name: 'Chiudere la segnalazione?' });
    await confirm.waitFor();
    // Audited once its opening animation has ended (during the fade its text is faint).
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    expect(await accessibilityReport(page, 'panel, closing confirmation', { desktop: PANEL_WIDTHS.desktop })).toBe('');
    const closing = page.waitForResponse((r) => r.url().includes('/actions/close') && r.request().method() === 'POST');
    await confirm.getByRole('button', { name: 'Chiudi la segnalazione', exact: true }).click();
    expect((await closing).status()).toBe(200);
    await page.getByText('Chiusa', { exact: true }).first().waitFor();
    await page.screenshot({ path: artifact('panel-report-closed.png'), fullPage: true });

    const subjects = (await app.mailbox.waitFor((m: Mail) => m.to.includes(citizenEmail), { count: 7 })).map((m: Mail) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Segnalazione .+: ricevuta – /),
        expect.stringMatching(/^Segnalazione \d{4}\/000001: presa in carico – Comune di Esempio$/),
        expect.stringMatching(/: testo approvato – /),
        expect.stringMatching(/: foto n\. \d approvata – /),
        expect.stringMatching(/: pubblicata nell’archivio – /),
        expect.stringMatching(/\(fattibilità\) – /),
        expect.stringMatching(/: chiusa – /),
      ]),
    );

    await page.goto(`${app.url}/admin/plugins/segnalazioni/statistics`);
    await page.getByRole('heading', { name: 'Statistiche' }).waitFor();
    await page.getByRole('img', { name: 'Per mese: ricevute e chiuse' }).waitFor();
    // The service's ratings, as citizens gave them on the portal.
    await app
      .http()
      .post('/api/segnalazioni/ratings')
      .send({ page: 'submitted', stars: 4, answer: 'complete', detail: 'Ho trovato subito la categoria.' })
      .expect(201);
    await page.reload();
    await page.locator('[data-ratings]').getByText('4 stelle su 5, da 1 valutazione').waitFor();
    await page.locator('[data-ratings]').getByText('Ho trovato subito la categoria.').waitFor();
    // Months by name, and the figures as a CSV for a spreadsheet.
    const month = new Intl.DateTimeFormat('it-IT', { month: 'short', year: '2-digit', timeZone: 'Europe/Rome' }).format(new Date());
    await page.getByRole('img', { name: 'Per mese: ricevute e chiuse' }).getByText(month).waitFor();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scarica CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('statistiche-segnalazioni.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFgruppo,nome,segnalazioni,aperte,chiuse,mediana ore presa in carico,mediana ore prima risposta,mediana ore chiusura,quota presa in carico entro i tempi,quota prima risposta entro i tempi,quota chiusura entro i tempi',
    );
    expect(csv).toMatch(/\r\nufficio,Ufficio Strade,\d+,/);
    expect(csv).toContain(`\r\nmese,${new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date())},`);
    await page.screenshot({ path: artifact('panel-statistics.png'), fullPage: true });

    const pub = await app.http().get(`/api/segnalazioni/reports/${documentId}`).expect(200);
    expect(pub.body.data.status).toBe('closed');
    expect(pub.body.data.photos).toHaveLength(1);
    expect(pub.body.data.replies.map((r: { kind: string }) => r.kind)).toEqual(['feasibility', 'final']);
    expect(JSON.stringify(pub.body)).not.toContain(citizenEmail);
  });

  it('files a phoned-in report at the URP desk, finds it in triage and gives it a category', async () => {
    const urp = await createStaff(app, 'paola.urp@comune.test', { name: 'Ufficio' });
    await app.strapi.db.query('plugin::segnalazioni.office').update({ where: { triage: true }, data: { officers: [urp.id] } });
    const options = await app.http().get('/segnalazioni/options').set('Authorization', `Bearer ${urp.token}`).expect(200);
    expect(options.body.data.desk).toBe(true);
    const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'it-IT' });
    await desk.goto(`${app.url}/admin/auth/login`);
    await desk.fill('input[name="email"]', urp.email);
    await desk.fill('input[name="password"]', 'Ufficio2026!');
    await desk.click('button[type="submit"]');
    await desk.getByRole('link', { name: 'Segnalazioni' }).first().waitFor();

    await desk.goto(`${app.url}/admin/plugins/segnalazioni`);
    await desk.getByRole('button', { name: 'Nuova segnalazione allo sportello' }).click();
    await desk.getByRole('heading', { name: 'Nuova segnalazione allo sportello' }).waitFor();
    const deskProblems: string[] = [];
    for (const size of Object.values(PANEL_WIDTHS)) {
      await desk.setViewportSize(size);
      deskProblems.push(...(await layoutProblems(desk)).map((problem) => `desk at ${size.width} px: ${problem}`));
      await desk.screenshot({ path: artifact(`panel-desk-${size.width}.png`), fullPage: true });
    }
    deskProblems.push(await accessibilityReport(desk, 'panel desk', PANEL_WIDTHS));
    expect(deskProblems.filter(Boolean).join('\n')).toBe('');
    await desk.setViewportSize({ width: 1366, height: 900 });
    // The map opens again at its size, at the municipality's centre.
    await desk.reload();
    await desk.getByRole('heading', { name: 'Nuova segnalazione allo sportello' }).waitFor();
    // A title too short: the server's message shows beside the field and nothing is filed.
    await desk.getByLabel('Nome e cognome').fill('Teresa Gallo');
    await desk.getByLabel('Telefono').fill('+39 015 123 4567');
    await desk.getByLabel('Email').fill('teresa.gallo@example.it');
    await desk.getByLabel('Titolo').fill('Ah');
    await desk.getByLabel('Descrizione').fill('Al telefono: il semaforo pedonale di via Lamarmora resta sempre rosso.');
    const refused = desk.waitForResponse((r) => r.url().endsWith('/segnalazioni/reports/desk'));
    await desk.getByRole('button', { name: 'Registra la segnalazione' }).click();
    expect((await refused).status()).toBe(400);
    await desk
      .getByText(/Titolo: almeno/)
      .first()
      .waitFor();

    await desk.getByLabel('Titolo').fill('Semaforo pedonale sempre rosso');
    await desk.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'semaforo.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(500, 400) });
    // The point by keyboard, at the map's centre (the configured centre of the municipality).
    await desk.getByRole('application', { name: 'Mappa per indicare il punto' }).focus();
    await desk.keyboard.press('Enter');
    await desk.locator('[data-desk-point]').getByText('Punto: 45.5629, 8.0583').waitFor();
    const filed = desk.waitForResponse((r) => r.url().endsWith('/segnalazioni/reports/desk'));
    await desk.getByRole('button', { name: 'Registra la segnalazione' }).click();
    expect((await filed).status()).toBe(201);
    await desk.getByRole('heading', { name: 'Semaforo pedonale sempre rosso' }).waitFor();
    await desk.getByRole('heading', { name: 'Da smistare: scegli la categoria' }).waitFor();
    await desk.getByText('Teresa Gallo').first().waitFor();
    await desk.screenshot({ path: artifact('panel-desk-report.png'), fullPage: true });

    await desk.getByRole('button', { name: '← Tutte le segnalazioni' }).click();
    await desk.getByRole('tab', { name: /Da smistare \(1\)/ }).click();
    await desk.getByText('Semaforo pedonale sempre rosso').click();
    await desk.getByRole('heading', { name: 'Da smistare: scegli la categoria' }).waitFor();
    await desk.getByRole('combobox', { name: 'Categoria' }).click();
    await desk.getByRole('option', { name: 'Dissesto stradale' }).click();
    const assigned = desk.waitForResponse((r) => r.url().includes('/actions/reassign'));
    await desk.getByRole('button', { name: 'Assegna', exact: true }).click();
    expect((await assigned).status()).toBe(200);

    const [stored] = await app.strapi.db.query('plugin::segnalazioni.report').findMany({
      where: { title: 'Semaforo pedonale sempre rosso' },
      populate: { category: true, office: true, photos: true },
    });
    expect(stored).toMatchObject({
      channel: 'desk',
      contactName: 'Teresa Gallo',
      category: { slug: 'dissesto-stradale' },
      office: { name: 'Ufficio Strade' },
      latitude: 45.5629,
      longitude: 8.0583,
    });
    expect(stored.photos).toHaveLength(1);
    const receipt = await app.mailbox.waitFor((m: Mail) => m.to.includes('teresa.gallo@example.it'));
    expect(receipt[0].subject).toMatch(/^Segnalazione .+: ricevuta – /);
    await app.mailbox.waitFor((m: Mail) => m.to.includes('strade@comune.test') && m.subject.includes('Semaforo pedonale'));
    await desk.close();
  });

  it('shows the place on a map with the reports around it, and closes a copy as a duplicate once confirmed', async () => {
    const { original, copy } = placed;
    if (!original || !copy) throw new Error('the placed reports were not made');
    await page.goto(`${app.url}/admin/plugins/segnalazioni/reports/${copy.documentId}`);
    await page.getByRole('heading', { name: 'Buca grande in piazza Martiri' }).waitFor();
    await page.getByRole('region', { name: 'Mappa del luogo della segnalazione' }).waitFor();
    const nearby = page.locator('[data-nearby]');
    await nearby.getByRole('link', { name: 'Buca in piazza Martiri' }).waitFor();
    expect(await nearby.textContent()).toMatch(new RegExp(`${original.reference} · (2[0-9]|3[0-9]) m`));
    expect(tiles.requests.some((url) => /^\/17\/\d+\/\d+\.png$/.test(url))).toBe(true);
    await page.screenshot({ path: artifact('panel-report-map.png'), fullPage: true });

    await page.getByLabel('Segnalazione originale').fill(original.reference.toLowerCase());
    await page.getByRole('button', { name: 'Chiudi come duplicato', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Chiudere come duplicato?' });
    await dialog.waitFor();
    const response = page.waitForResponse((r) => r.url().includes('/actions/mark_duplicate') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Chiudi come duplicato', exact: true }).click();
    expect((await response).status()).toBe(200);
    await page.getByText('Chiusa come duplicato di').waitFor();
    await page.getByRole('link', { name: `«Buca in piazza Martiri» (${original.reference})` }).click();
    await page.getByRole('heading', { name: 'Buca in piazza Martiri', exact: true }).waitFor();
    await page.screenshot({ path: artifact('panel-report-original.png'), fullPage: true });
  });
  it('holds every panel page at 768 and 1280 px, with nothing for axe to report', async () => {
    const pages = [
      { name: 'queue', path: '', ready: () => page.getByRole('tablist', { name: 'Stato' }).waitFor() },
      { name: 'report', path: `/reports/${documentId}`, ready: () => page.getByRole('heading', { name: 'Tombino sollevato in via Garibaldi' }).waitFor() },
      {
        name: 'report-map',
        path: `/reports/${placed.original?.documentId}`,
        ready: () => page.getByRole('heading', { name: 'Buca in piazza Martiri', exact: true }).waitFor(),
      },
      { name: 'statistics', path: '/statistics', ready: () => page.getByRole('heading', { name: 'Statistiche' }).waitFor() },
    ];
    const problems: string[] = [];
    for (const each of pages) {
      await page.goto(`${app.url}/admin/plugins/segnalazioni${each.path}`);
      await each.ready();
      for (const size of Object.values(PANEL_WIDTHS)) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        problems.push(...(await layoutProblems(page)).map((problem) => `${each.name} at ${size.width} px: ${problem}`));
        await page.screenshot({ path: artifact(`panel-${each.name}-${size.width}.png`), fullPage: true });
        // The header as it sticks once the page has scrolled.
        await page.mouse.wheel(0, 600);
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 150)));
        problems.push(...(await layoutProblems(page)).map((problem) => `${each.name} at ${size.width} px, scrolled: ${problem}`));
        await page.screenshot({ path: artifact(`panel-${each.name}-${size.width}-scrolled.png`) });
        await page.mouse.wheel(0, -600);
      }
      problems.push(await accessibilityReport(page, `panel ${each.name}`, PANEL_WIDTHS));
    }
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(problems.filter(Boolean).join('\n')).toBe('');
  });
  it('lets an editor set an office’s contacts and hours in the Content Manager, in Italian words', async () => {
    const editor = await createStaff(app, 'elena.redazione@comune.test', { code: 'strapi-editor' });
    const office = await app.strapi.db.query('plugin::segnalazioni.office').findOne({ where: { name: 'Ufficio Strade' } });
    const cm = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'it-IT' });
    await cm.goto(`${app.url}/admin/auth/login`);
    await cm.getByRole('heading', { name: 'Sportello Segnalazioni' }).waitFor();
    await cm.fill('input[name="email"]', editor.email);
    await cm.fill('input[name="password"]', 'Ufficio2026!');
    await cm.click('button[type="submit"]');
    await cm.getByText('Le segnalazioni dei cittadini sono nella voce «Segnalazioni» del menu', { exact: false }).waitFor();
    await cm.goto(`${app.url}/admin/content-manager/collection-types/plugin::segnalazioni.office/${office.documentId}`);
    await cm.getByText('Orario di lavoro', { exact: true }).waitFor();
    await cm.getByText('Compare nella firma delle email ai cittadini. Vuoto: nessun telefono.').waitFor();
    // Yes and no, not "VERO" and "FALSO"; characters counted in Italian.
    await cm.getByText('max. 40 caratteri').waitFor();
    await cm.getByText('Sì', { exact: true }).first().waitFor();
    // No hours of its own yet: the default ones show in grey.
    expect(await cm.getByLabel('Giovedì').getAttribute('placeholder')).toBe('08:30–16:00');
    await cm.getByLabel('Telefono per i cittadini').fill('0123 456789');
    await cm.getByLabel('Lunedì').fill('8:30-12:30');
    await cm.getByLabel('Martedì').fill('9-13');
    await cm.getByText('«9-13» non è una fascia oraria: scrivila come 08:30-12:00.').waitFor();
    await cm.getByLabel('Martedì').fill('09:00-13:00, 14:00-17:30');
    await cm.screenshot({ path: artifact('admin-office-hours.png'), fullPage: true });
    const saved = cm.waitForResponse((r) => r.url().includes(`/plugin::segnalazioni.office/${office.documentId}`) && r.request().method() === 'PUT');
    await cm.getByRole('button', { name: 'Salva' }).click();
    expect((await saved).status()).toBe(200);
    const stored = await app.strapi.db.query('plugin::segnalazioni.office').findOne({ where: { id: office.id } });
    expect(stored.contactPhone).toBe('0123 456789');
    // The days not written keep the default hours the office had.
    const defaultDay = [
      ['08:30', '12:00'],
      ['14:15', '16:00'],
    ];
    expect(stored.openingHours).toEqual({
      0: [],
      1: [['08:30', '12:30']],
      2: [
        ['09:00', '13:00'],
        ['14:00', '17:30'],
      ],
      3: defaultDay,
      4: [['08:30', '16:00']],
      5: defaultDay,
      6: [],
    });
    await cm.close();
  });
});
