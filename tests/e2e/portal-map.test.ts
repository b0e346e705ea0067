import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, startApp, type TestApp } from '../helpers/app';
import { accessibilityReport } from '../helpers/axe';
import { artifact, hasChromium, launchChromium } from '../helpers/browser';
import { jpegWithGps } from '../helpers/images';
import { startNominatim } from '../helpers/nominatim';
import { createCitizen, createOffice, createStaff } from '../helpers/staff';
import { startTiles } from '../helpers/tiles';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Biella's box and centre; the centre is Via Italia 14 in the stand-in geocoder's gazetteer. */
const BBOX = '7.99,45.53,8.11,45.60';
const CENTRE = { latitude: 45.5629, longitude: 8.0583 };

/** The place of a report in a real browser: the segnala flow's map, position, address search, photo GPS, nearby reports; the archive's map. */
(hasChromium ? describe : describe.skip)('maps of the citizen portal in Chromium', () => {
  let app: TestApp;
  let tiles: Awaited<ReturnType<typeof startTiles>>;
  let nominatim: Awaited<ReturnType<typeof startNominatim>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const nearbyTitle = 'Buca davanti al civico 12 di via Italia';
  const hiddenTitle = 'Tombino sollevato non ancora pubblicato';
  let duplicateId = '';
  let nearbyReference = '';

  const audit = async (name: string) => expect(await accessibilityReport(page, name, { desktop: DESKTOP, phone: PHONE })).toBe('');
  const screenshots = async (name: string) => {
    for (const [label, size] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
      await page.setViewportSize(size);
      await page.screenshot({ path: artifact(`portal-map-${name}-${label}.png`), fullPage: true });
    }
    await page.setViewportSize(DESKTOP);
  };
  const status = () => page.locator('[data-place-status]');

  beforeAll(async () => {
    tiles = await startTiles();
    nominatim = await startNominatim();
    const port = await freePort();
    app = await startApp(
      {
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        MAP_TILE_URL: tiles.url,
        GEOCODER_URL: nominatim.url,
        GEOCODER_MIN_INTERVAL_MS: '0',
        MUNICIPALITY_BBOX: BBOX,
        MUNICIPALITY_CENTER: `${CENTRE.latitude},${CENTRE.longitude}`,
      },
      { admin: true },
    );
    const officer = await createStaff(app, 'strade@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Strade', 'strade-ufficio@comune.test', [officer.id], ['dissesto-stradale']);
    const neighbour = await createCitizen(app, 'nina.vicini@example.it');
    await createCitizen(app, 'ugo.mappa@example.it');
    const intake = app.strapi.plugin('segnalazioni').service('intake');
    const submit = (title: string, latitude: number, longitude: number) =>
      intake.submit({
        citizen: neighbour,
        input: { title, description: 'Una buca profonda nell’asfalto, pericolosa per le biciclette.', category: 'dissesto-stradale', latitude, longitude },
        files: [],
      });
    const nearby = await submit(nearbyTitle, 45.56295, 8.05836);
    const act = (id: string, action: string, body: Record<string, unknown>) =>
      app.http().post(`/segnalazioni/reports/${id}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
    await act(nearby.documentId, 'take_in_charge', {});
    await act(nearby.documentId, 'moderate_text', { decision: 'approve', position: 'exact' });
    await act(nearby.documentId, 'publish', {});
    const hidden = await submit(hiddenTitle, 45.5631, 8.0586);
    await act(hidden.documentId, 'take_in_charge', {});
    // Another published one whose place the officer hid: in the list, never on the map.
    const unplaced = await submit('Segnalazione senza luogo pubblico', 45.5627, 8.058);
    await act(unplaced.documentId, 'take_in_charge', {});
    await act(unplaced.documentId, 'moderate_text', { decision: 'approve', position: 'hidden' });
    await act(unplaced.documentId, 'publish', {});

    // A copy of the nearby report (placed out of the maps' first view), closed as its duplicate and still public.
    const copy = await submit('Buca di nuovo davanti al civico 12', 45.585, 8.09);
    duplicateId = copy.documentId;
    await act(copy.documentId, 'take_in_charge', {});
    await act(copy.documentId, 'moderate_text', { decision: 'approve', position: 'exact' });
    await act(copy.documentId, 'publish', {});
    await act(copy.documentId, 'mark_duplicate', { original: nearby.reference });
    nearbyReference = nearby.reference;

    browser = await launchChromium();
    context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'it-IT',
      permissions: ['geolocation'],
      geolocation: { latitude: 45.5641, longitude: 8.0561 },
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await tiles?.stop();
    await nominatim?.stop();
  });

  it('the archive as a map: the published report with a public place is a pin, the unpublished one and the unplaced one are not', async () => {
    await page.goto(`${app.url}/sportello/segnalazioni`);
    await page.getByRole('link', { name: 'Mappa', exact: true }).click();
    await page.waitForURL(/vista=mappa/);
    const map = page.getByRole('region', { name: 'Mappa delle segnalazioni pubblicate' });
    await map.waitFor();
    const pin = map.getByRole('button', { name: nearbyTitle });
    await pin.waitFor();
    expect(await map.getByRole('button', { name: hiddenTitle }).count()).toBe(0);
    expect(await map.getByRole('button', { name: 'Segnalazione senza luogo pubblico' }).count()).toBe(0);
    await page.locator('[data-map-count]').getByText('Sulla mappa: 1 segnalazione di quest’area.').waitFor();
    // The tiles came from the configured service, and nothing else drew the map.
    expect(tiles.requests.some((url) => /^\/15\/\d+\/\d+\.png$/.test(url))).toBe(true);
    await pin.press('Enter');
    await page.locator('.leaflet-popup').getByRole('link', { name: nearbyTitle }).click();
    await page.getByRole('heading', { level: 1, name: nearbyTitle }).waitFor();
    await page.goBack();
    await map.waitFor();
    await screenshots('archive');
    await audit('archive map');
    await page.getByRole('link', { name: 'Elenco', exact: true }).click();
    await page.getByRole('heading', { name: /3 segnalazioni/ }).waitFor();
  });

  it('a duplicate’s page points to the original, and shows its public place on a map', async () => {
    await page.goto(`${app.url}/sportello/segnalazioni/${duplicateId}`);
    await page.getByRole('heading', { level: 1, name: 'Buca di nuovo davanti al civico 12' }).waitFor();
    await page.getByRole('status').getByText('Questa segnalazione riguarda lo stesso problema della segnalazione').waitFor();
    const map = page.getByRole('region', { name: 'Mappa del luogo della segnalazione' });
    await map.getByRole('button', { name: 'Buca di nuovo davanti al civico 12' }).or(map.locator('.map-pin')).first().waitFor();
    await screenshots('duplicate');
    await audit('a duplicate report');
    await page.getByRole('status').getByRole('link', { name: nearbyReference }).click();
    await page.getByRole('heading', { level: 1, name: nearbyTitle }).waitFor();
  });

  it('segnala: pin by keyboard, by click, by position, by address and from a photo; nearby reports; the point reaches the report', async () => {
    await openDataStep(page);
    await page.getByRole('heading', { level: 2, name: 'Dati della segnalazione' }).waitFor();
    await page.getByLabel('Categoria').selectOption('dissesto-stradale');

    // Keyboard: the map takes focus, Enter puts the pin at its centre; the address comes from the geocoder.
    const map = page.getByRole('application', { name: 'Mappa per indicare il luogo' });
    await map.focus();
    await page.keyboard.press('Enter');
    await status().getByText('Punto indicato: 45,56290; 8,05830.').waitFor();
    await expectAddress('Via Italia 14, Biella');
    const nearby = page.getByRole('region', { name: 'Segnalazioni simili qui vicino' });
    await nearby.getByRole('link', { name: `È la stessa? Apri «${nearbyTitle}» (si apre in una nuova scheda)` }).waitFor();
    expect(await nearby.getByText(hiddenTitle).count()).toBe(0);
    await screenshots('segnala-pin');
    await audit('segnala, pin and nearby reports');

    // A click elsewhere moves the pin; the address the picker wrote follows it (the gazetteer has none there).
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.click(box.x + box.width / 2 + 120, box.y + box.height / 2 - 80);
    await status()
      .getByText(/^Punto indicato: 45,5\d{4}; 8,0\d{4}\.$/)
      .waitFor();
    expect(await status().textContent()).not.toContain('45,56290; 8,05830');

    // The browser's position (granted to this context).
    await page.getByRole('button', { name: 'Usa la mia posizione' }).click();
    await status().getByText('Punto indicato: 45,56410; 8,05610.').waitFor();

    // Address search through our server's geocoder: Torino's Via Italia is outside the territory and not offered.
    await page.getByLabel('Indirizzo').fill('via italia');
    await page.getByText('Indirizzi trovati: scegline uno per metterlo sulla mappa.').waitFor();
    expect(await page.getByRole('button', { name: /Torino/ }).count()).toBe(0);
    await page.getByRole('button', { name: /^2, Via Italia/ }).click();
    await expectAddress('Via Italia 2, Biella');
    await status().getByText('Punto indicato: 45,56410; 8,05610.').waitFor();
    expect(nominatim.requests.some((request) => request.path === '/search' && request.query.get('q') === 'via italia')).toBe(true);

    // A photo's GPS is offered once there is no point, and taken when accepted.
    await page.getByRole('button', { name: 'Togli il punto' }).click();
    await status().getByText('Nessun punto indicato sulla mappa.').waitFor();
    await page.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'buca.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    const proposal = page.getByRole('group', { name: 'Posizione della foto' });
    await proposal.getByText('La foto buca.jpg è stata scattata qui: usare questa posizione?').waitFor();
    await audit('segnala, photo position offered');
    await proposal.getByRole('button', { name: 'Sì, usa questa posizione' }).click();
    await status().getByText('Punto indicato: 45,55139; 8,05556.').waitFor();

    await page.getByLabel('Titolo').fill('Buca vicino al parcheggio');
    await page.getByLabel('Dettagli').fill('Una buca profonda vicino al parcheggio, pericolosa di sera.');
    await page.getByRole('button', { name: 'Avanti' }).click();
    await page.getByRole('heading', { level: 2, name: 'Riepilogo' }).waitFor();
    await page.getByText('Via Italia 2, Biella — Punto indicato: 45,55139; 8,05556.').waitFor();
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await page.getByRole('heading', { name: 'Segnalazione inviata' }).waitFor();
    const report = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { title: 'Buca vicino al parcheggio' } });
    expect(report).toMatchObject({ address: 'Via Italia 2, Biella', latitude: 45.551389, longitude: 8.055556 });
  });

  it('a refused position says so, and the address alone still goes on', async () => {
    const refused = await browser.newContext({ viewport: PHONE, locale: 'it-IT' });
    const other = await refused.newPage();
    try {
      await openDataStep(other);
      await other.getByRole('button', { name: 'Usa la mia posizione' }).click();
      await other
        .locator('[data-place-status]')
        .getByText(/^Il browser non ci ha dato la tua posizione/)
        .waitFor();
      await other.screenshot({ path: artifact('portal-map-position-refused-phone.png'), fullPage: true });
      await other.getByLabel('Categoria').selectOption('dissesto-stradale');
      await other.getByLabel('Indirizzo').fill('Piazza Duomo, davanti alla fontana');
      await other.getByLabel('Titolo').fill('Lastra del marciapiede rotta');
      await other.getByLabel('Dettagli').fill('Una lastra del marciapiede è spezzata e si muove quando ci si passa sopra.');
      await other.getByRole('button', { name: 'Avanti' }).click();
      await other.getByText('Piazza Duomo, davanti alla fontana', { exact: true }).waitFor();
      await other.getByRole('button', { name: 'Invia la segnalazione' }).click();
      await other.getByRole('heading', { name: 'Segnalazione inviata' }).waitFor();
      const report = await app.strapi.db.query('plugin::segnalazioni.report').findOne({ where: { title: 'Lastra del marciapiede rotta' } });
      expect(report).toMatchObject({ address: 'Piazza Duomo, davanti alla fontana', latitude: null, longitude: null });
    } finally {
      await refused.close();
    }
  });

  /** Logs the citizen in and goes through the privacy step to the report's data. */
  async function openDataStep(tab: Page): Promise<void> {
    await tab.goto(`${app.url}/sportello/accesso`);
    await tab.getByLabel('Email').fill('ugo.mappa@example.it');
    await tab.getByLabel('Password').fill('Password123!');
    await tab.getByRole('button', { name: 'Accedi', exact: true }).click();
    await tab.getByRole('heading', { level: 1, name: 'Le mie segnalazioni' }).waitFor();
    await tab.goto(`${app.url}/sportello/segnala`);
    await tab.getByLabel('Ho letto e compreso l’informativa sulla privacy').press('Space');
    await tab.getByRole('button', { name: 'Avanti' }).click();
    await tab.getByRole('heading', { level: 2, name: 'Dati della segnalazione' }).waitFor();
  }

  async function expectAddress(expected: string): Promise<void> {
    const field = page.getByLabel('Indirizzo');
    await page.waitForFunction(([selector, value]) => (document.querySelector(selector) as HTMLInputElement | null)?.value === value, [
      `#${await field.getAttribute('id')}`,
      expected,
    ] as const);
  }
});
