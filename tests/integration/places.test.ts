import { startApp, type TestApp } from '../helpers/app';
import { startNominatim } from '../helpers/nominatim';

/**
 * Address search for the portal's map, through our server: the geocoder (a Nominatim stand-in on
 * loopback, in Nominatim's own answer format) is asked within the municipality's box, named as our
 * application, one request at a time and spaced, answers cached; bad input and a failing geocoder
 * answer in Strapi's error format, and a failure is not cached.
 */
describe('address search (geocoder)', () => {
  let app: TestApp;
  let nominatim: Awaited<ReturnType<typeof startNominatim>>;
  const INTERVAL_MS = 300;

  beforeAll(async () => {
    nominatim = await startNominatim();
    app = await startApp({
      NOTIFICATION_POLL_MS: '60000',
      GEOCODER_URL: nominatim.url,
      GEOCODER_MIN_INTERVAL_MS: String(INTERVAL_MS),
      MUNICIPALITY_BBOX: '7.98,45.52,8.12,45.62',
      PUBLIC_URL: 'https://segnala.comune.biella.it',
    });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await nominatim?.stop();
  });

  it('finds addresses of the municipality only, asking the geocoder as the usage policy wants', async () => {
    const response = await app.http().get('/api/segnalazioni/places/search').set('X-Forwarded-For', '203.0.113.9').query({ q: 'Via Italia' }).expect(200);
    expect(response.body.data).toEqual([
      { label: '14, Via Italia, Biella, Piemonte, 13900, Italia', address: 'Via Italia 14, Biella', latitude: 45.56281, longitude: 8.05832 },
      { label: '2, Via Italia, Biella, Piemonte, 13900, Italia', address: 'Via Italia 2, Biella', latitude: 45.5641, longitude: 8.0561 },
    ]);
    expect(nominatim.requests).toHaveLength(1);
    const [asked] = nominatim.requests;
    expect(asked.path).toBe('/search');
    expect(Object.fromEntries(asked.query)).toEqual({
      q: 'via italia',
      format: 'jsonv2',
      addressdetails: '1',
      limit: '5',
      'accept-language': 'it',
      viewbox: '7.98,45.62,8.12,45.52',
      bounded: '1',
    });
    expect(asked.headers['user-agent']).toBe('SportelloSegnalazioni/1.0 (+https://segnala.comune.biella.it)');
    // The citizen's address stays with us.
    expect(JSON.stringify(asked.headers)).not.toContain('203.0.113.9');

    // The same search again, however it is written, is answered from the cache.
    await app.http().get('/api/segnalazioni/places/search').query({ q: '  VIA   italia ' }).expect(200);
    expect(nominatim.requests).toHaveLength(1);
  });

  it('asks one thing at a time, spaced, however many citizens search at once', async () => {
    const before = nominatim.requests.length;
    const searches = ['Via Roma', 'Piazza Duomo', 'Corso Europa', 'Via Dante'];
    const answers = await Promise.all(searches.map((q) => app.http().get('/api/segnalazioni/places/search').query({ q })));
    expect(answers.map((answer) => [answer.status, answer.body.data])).toEqual(searches.map(() => [200, []]));
    const times = nominatim.requests.slice(before).map((request) => request.at);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(INTERVAL_MS - 20);
  });

  it('gives the address at a point of the municipality, none where there is none, and refuses a point outside', async () => {
    const found = await app.http().get('/api/segnalazioni/places/reverse').query({ lat: '45.56281', lng: '8.05832' }).expect(200);
    expect(found.body.data).toMatchObject({ address: 'Via Italia 14, Biella', latitude: 45.56281, longitude: 8.05832 });
    expect(nominatim.requests.at(-1)?.query.get('zoom')).toBe('18');
    expect((await app.http().get('/api/segnalazioni/places/reverse').query({ lat: '45.6', lng: '8.1' }).expect(200)).body.data).toBeNull();
    const asked = nominatim.requests.length;
    for (const [query, message] of [
      [{ lat: '45.07', lng: '7.68' }, 'Posizione: il punto indicato è fuori dal territorio comunale.'],
      [{ lat: 'nord', lng: '8.05' }, 'lat: un numero.'],
      [{ lat: '45.56', lng: '181' }, 'lng: tra -180 e 180.'],
      [{ lat: '45.56', lng: '8.05', zoom: '3' }, 'Campi non previsti: zoom.'],
    ] as const) {
      const response = await app.http().get('/api/segnalazioni/places/reverse').query(query).expect(400);
      expect(response.body.error.details.errors.map((error: { message: string }) => error.message)).toContain(message);
    }
    for (const q of ['ab', 'x'.repeat(201), ' \u200b\u200b ']) await app.http().get('/api/segnalazioni/places/search').query({ q }).expect(400);
    await app
      .http()
      .get('/api/segnalazioni/places/search')
      .query({ q: ['Via Roma', 'Via Italia'] })
      .expect(400);
    // Nothing bad reached the geocoder.
    expect(nominatim.requests).toHaveLength(asked);
  });

  it('says so when the geocoder fails, keeps nothing of the failure, and answers again once it is back', async () => {
    nominatim.fail(true);
    const failed = await app.http().get('/api/segnalazioni/places/search').query({ q: 'Via Italia 2' }).expect(503);
    expect(failed.headers['retry-after']).toBe('5');
    expect(failed.body).toMatchObject({ data: null, error: { status: 503, message: expect.stringContaining('La ricerca degli indirizzi non risponde') } });
    nominatim.fail(false);
    const again = await app.http().get('/api/segnalazioni/places/search').query({ q: 'Via Italia 2' }).expect(200);
    expect(again.body.data).toHaveLength(2);
  });

  it('says the search is off when no geocoder is configured, and asks nobody', async () => {
    const setting = 'plugin::segnalazioni.geocoder';
    const configured = app.strapi.config.get(setting);
    const asked = nominatim.requests.length;
    app.strapi.config.set(setting, { url: '', minIntervalMs: INTERVAL_MS });
    try {
      for (const [path, query] of [
        ['/api/segnalazioni/places/search', { q: 'Via Garibaldi' }],
        ['/api/segnalazioni/places/reverse', { lat: '45.56281', lng: '8.05832' }],
      ] as const) {
        const off = await app.http().get(path).query(query).expect(404);
        expect(off.body.error.message).toBe('La ricerca degli indirizzi non è attiva su questo sito: scrivere l’indirizzo.');
      }
    } finally {
      app.strapi.config.set(setting, configured);
    }
    expect(nominatim.requests).toHaveLength(asked);
  });
});
