import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { registerCitizen, type TestCitizen } from '../helpers/citizens';
import { fakeJpeg, jpegOfSize, jpegWithGps } from '../helpers/images';
import { countRows } from '../helpers/row-counts';

const VALID = {
  title: 'Cartello abbattuto',
  description: "Il cartello di stop all'incrocio è a terra da due giorni.",
  category: 'segnaletica',
};

type Attachment = { name: string; bytes: Buffer; type?: string };

describe('bad input changes nothing', () => {
  let app: TestApp;
  let citizen: TestCitizen;

  const snapshot = async () => ({
    rows: await countRows(app),
    files: fs.readdirSync(path.join(app.publicDir, 'uploads')).length,
  });

  const submit = (data: string | undefined, attachments: Attachment[] = []) => {
    let request = app.http().post('/api/segnalazioni/reports').set('Authorization', `Bearer ${citizen.jwt}`);
    if (data !== undefined) request = request.field('data', data);
    for (const file of attachments) request = request.attach('photos', file.bytes, { filename: file.name, contentType: file.type ?? 'image/jpeg' });
    return request;
  };

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    citizen = await registerCitizen(app);
    const parcheggi = await app.strapi.db.query('plugin::segnalazioni.category').findOne({ where: { slug: 'parcheggi' } });
    await app.strapi.db.query('plugin::segnalazioni.category').update({ where: { id: parcheggi.id }, data: { active: false } });
  });

  afterAll(async () => {
    await app?.stop();
  });

  const photo = async () => ({ name: 'foto.jpg', bytes: await jpegWithGps(200, 150) });

  const cases: [string, () => Promise<[string | undefined, Attachment[]]>, RegExp][] = [
    [
      'a fake image (text named .jpg)',
      async () => [JSON.stringify(VALID), [{ name: 'foto.jpg', bytes: Buffer.from('non sono una foto, sono testo'.repeat(50)) }]],
      /non è una foto JPEG, PNG o WebP/,
    ],
    ['a fake image with JPEG magic bytes', async () => [JSON.stringify(VALID), [{ name: 'finta.jpg', bytes: fakeJpeg() }]], /non è un'immagine leggibile/],
    [
      'a PDF sent as image/png',
      async () => [JSON.stringify(VALID), [{ name: 'doc.png', bytes: Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000)), type: 'image/png' }]],
      /non è una foto/,
    ],
    ['malformed JSON', async () => ['{"title": "Cartello", ', []], /non contiene JSON valido/],
    ['no data at all', async () => [undefined, []], /Manca il campo "data"/],
    ['JSON that is not an object', async () => ['[1,2,3]', []], /oggetto JSON/],
    ['a 200 KB description', async () => [JSON.stringify({ ...VALID, description: 'buca '.repeat(40_000) }), []], /Descrizione: al massimo 4000 caratteri/],
    ['a title too short', async () => [JSON.stringify({ ...VALID, title: 'Ehi' }), []], /Titolo: almeno 5 caratteri/],
    ['an empty description', async () => [JSON.stringify({ ...VALID, description: '          ' }), []], /Descrizione: almeno 10 caratteri/],
    ['a sixth photo', async () => [JSON.stringify(VALID), await Promise.all(Array.from({ length: 6 }, photo))], /al massimo 5 foto/],
    ['an 11 MB photo', async () => [JSON.stringify(VALID), [{ name: 'enorme.jpg', bytes: await jpegOfSize(11) }]], /il massimo è 10 MB/],
    ['an inactive category', async () => [JSON.stringify({ ...VALID, category: 'parcheggi' }), []], /"parcheggi" non esiste o non è attiva/],
    ['an unknown category', async () => [JSON.stringify({ ...VALID, category: 'astronavi' }), []], /non esiste o non è attiva/],
    ['a latitude out of range', async () => [JSON.stringify({ ...VALID, latitude: 91, longitude: 8 }), []], /Latitudine: deve essere tra -90 e 90/],
    ['a latitude without longitude', async () => [JSON.stringify({ ...VALID, latitude: 45.5 }), []], /sia la latitudine sia la longitudine/],
    ['a field that is not ours (a forged status)', async () => [JSON.stringify({ ...VALID, status: 'closed' }), []], /Campi non previsti: status/],
    ['a title that is not text', async () => [JSON.stringify({ ...VALID, title: { $ne: null } }), []], /Titolo: deve essere un testo/],
  ];

  it.each(cases)('%s → 400 with a clear message, and nothing stored', async (_name, build, message) => {
    const before = await snapshot();
    const [data, files] = await build();
    const response = await submit(data, files);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(response.body.error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('a photo in another file field → 400, nothing stored', async () => {
    const before = await snapshot();
    const response = await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${citizen.jwt}`)
      .field('data', JSON.stringify(VALID))
      .attach('files', (await photo()).bytes, 'foto.jpg')
      .expect(400);
    expect(response.body.error.message).toMatch(/Campi file non previsti: files/);
    expect(await snapshot()).toEqual(before);
  });

  it('a report outside the configured territory is refused', async () => {
    await app.stop();
    app = await startApp({ NOTIFICATION_POLL_MS: '60000', MUNICIPALITY_BBOX: '7.99,45.53,8.11,45.60' });
    citizen = await registerCitizen(app, 'confinante');
    const outside = await submit(JSON.stringify({ ...VALID, latitude: 45.07, longitude: 7.68 }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toMatch(/fuori dal territorio comunale/);
    const inside = await submit(JSON.stringify({ ...VALID, latitude: 45.566, longitude: 8.053 }));
    expect(inside.status).toBe(201);
  });

  it('a valid submission after all these stores exactly one report', async () => {
    const before = await snapshot();
    await submit(JSON.stringify(VALID), [await photo()]).expect(201);
    const after = await snapshot();
    expect(after.rows[0]).toBe(before.rows[0] + 1);
    expect(after.rows[1]).toBe(before.rows[1] + 1);
    expect(after.files).toBeGreaterThan(before.files);
  });
});
