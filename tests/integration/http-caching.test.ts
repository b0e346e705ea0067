import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { startApp, type TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { loopbackAddress, rawRequest, type RawResponse } from '../helpers/raw-http';
import { createCitizen, createOffice, createStaff, publishThroughPanel, STAFF_PASSWORD, type TestStaff } from '../helpers/staff';

const PHOTO = 'plugin::segnalazioni.photo';
const PUBLIC = 'public, max-age=0, s-maxage=10, must-revalidate';
const NO_STORE = 'private, no-store';
const ARCHIVE = ['/api/segnalazioni/reports', '/api/segnalazioni/categories', '/api/segnalazioni/statistics'] as const;

/**
 * The public archive is cacheable by a CDN: weak entity tags from the data versions, 304 on a match,
 * brief shared caching; everything personal is kept by nobody; text answers come compressed.
 * Requests go on a raw socket, so the bytes on the wire (compressed or not, empty or not) are seen.
 */
describe('HTTP caching and compression', () => {
  let app: TestApp;
  let officer: TestStaff;
  let jwt: string;
  let address: { host: string; port: number };
  let published: string;
  let photo: { url: string; signedUrl: string; bytes: Buffer };

  const get = (target: string, headers: Record<string, string> = {}) => rawRequest(address, { method: 'GET', target, headers });
  /** A citizen's report through the web route, with or without a photo: its documentId and photos. */
  const submit = async (title: string, photoFile?: Buffer) => {
    const request = app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${jwt}`)
      .field('data', JSON.stringify({ title, description: `${title}: lo segnalo da ieri.`, category: 'rifiuti' }));
    if (photoFile) request.attach('photos', photoFile, { filename: 'foto.jpg', contentType: 'image/jpeg' });
    const { data } = (await request.expect(201)).body as { data: { documentId: string; photos: Array<{ documentId: string; url: string }> } };
    return data;
  };

  const expectNotModified = (response: RawResponse, tag: string) => {
    expect(response.status).toBe(304);
    expect(response.body.length).toBe(0);
    expect(response.headers.etag).toBe(tag);
    expect(response.headers['cache-control']).toBe(PUBLIC);
  };

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    officer = await createStaff(app, 'gino.ferri@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [officer.id], ['rifiuti']);
    await createCitizen(app, 'nora.villa@example.it');
    jwt = (await app.http().post('/api/auth/local').send({ identifier: 'nora.villa@example.it', password: 'Password123!' }).expect(200)).body.jwt;

    const created = await submit('Cassonetto rovesciato', await jpegWithGps(800, 600));
    published = created.documentId;
    const [signed] = created.photos;
    await app.strapi.db.query(PHOTO).update({ where: { documentId: signed.documentId }, data: { moderation: 'approved' } });
    await publishThroughPanel(app, officer, published);
    const url = new URL(signed.url, 'http://x').pathname;
    photo = { url, signedUrl: signed.url.replace(/^https?:\/\/[^/]+/, ''), bytes: fs.readFileSync(path.join(app.publicDir, url)) };
    address = await loopbackAddress(app.strapi.server.httpServer);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it.each([...ARCHIVE, 'one report'])('gives %s a weak tag, and 304 with no body to a client that holds it', async (route) => {
    const target = route === 'one report' ? `/api/segnalazioni/reports/${published}` : route;
    const first = await get(target);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe(PUBLIC);
    expect(first.headers.vary).toMatch(/Accept-Encoding/i);

    const again = await get(target, { 'If-None-Match': first.headers.etag });
    expectNotModified(again, first.headers.etag);
    expect(again.headers.vary).toMatch(/Accept-Encoding/i);
    // A list of tags, and the strong spelling, match by weak comparison too.
    expectNotModified(await get(target, { 'If-None-Match': `"other", ${first.headers.etag.slice(2)}` }), first.headers.etag);
    expect((await get(target, { 'If-None-Match': 'W/"other"' })).status).toBe(200);
    // `*` matches any current representation: there is one.
    expectNotModified(await get(target, { 'If-None-Match': '*' }), first.headers.etag);
  });

  it('gives another query another tag', async () => {
    const plain = await get('/api/segnalazioni/reports');
    const paged = await get('/api/segnalazioni/reports?pageSize=5');
    const found = await get('/api/segnalazioni/reports?q=cassonetto');
    expect(new Set([plain.headers.etag, paged.headers.etag, found.headers.etag]).size).toBe(3);
    const crossed = await get('/api/segnalazioni/reports?pageSize=5', { 'If-None-Match': plain.headers.etag });
    expect(crossed.status).toBe(200);
    expect(JSON.parse(crossed.body.toString()).meta.pagination.pageSize).toBe(5);
  });

  it('answers 200 with a new tag once an officer publishes a report, and only then', async () => {
    const before = Object.fromEntries(await Promise.all(ARCHIVE.map(async (target) => [target, (await get(target)).headers.etag] as const)));
    const { documentId: id } = await submit('Sacchi abbandonati');

    // A submission is no change of the archive; the statistics count it.
    expectNotModified(await get('/api/segnalazioni/reports', { 'If-None-Match': before['/api/segnalazioni/reports'] }), before['/api/segnalazioni/reports']);
    expect((await get('/api/segnalazioni/statistics', { 'If-None-Match': before['/api/segnalazioni/statistics'] })).status).toBe(200);

    await publishThroughPanel(app, officer, id);
    for (const target of ARCHIVE) {
      const after = await get(target, { 'If-None-Match': before[target] });
      expect({ target, status: after.status }).toEqual({ target, status: 200 });
      expect(after.headers.etag).not.toBe(before[target]);
      expect(after.body.length).toBeGreaterThan(0);
    }
    const list = JSON.parse((await get('/api/segnalazioni/reports')).body.toString());
    expect(list.data.map((report: { documentId: string }) => report.documentId)).toContain(id);
  });

  it.each([
    ['a bad query', '/api/segnalazioni/reports?page=abc', 400],
    ['an unknown report', '/api/segnalazioni/reports/abcdefghijklmnopqrstuvwx', 404],
    ['bad statistics dates', '/api/segnalazioni/statistics?from=2026-02-30', 400],
  ])('keeps no error as a success: %s', async (_label, target, status) => {
    const response = await get(target);
    expect(response.status).toBe(status);
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers['cache-control']).toBe(NO_STORE);
    expect(JSON.parse(response.body.toString()).error.status).toBe(status);
    // Nor does a condition turn it into a 304: there is no representation to match.
    expect((await get(target, { 'If-None-Match': '*' })).status).toBe(status);
  });

  it.each(['/api/segnalazioni/reports', '/api/segnalazioni/categories'])('sends %s gzip or brotli as asked, decoding to the same JSON', async (target) => {
    const plain = await get(target);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const gzip = await get(target, { 'Accept-Encoding': 'gzip' });
    const br = await get(target, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect([gzip.headers['content-encoding'], br.headers['content-encoding']]).toEqual(['gzip', 'br']);
    expect(gzip.body.length).toBeLessThan(plain.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length);
    const json = JSON.parse(plain.body.toString());
    expect(JSON.parse(zlib.gunzipSync(gzip.body).toString())).toEqual(json);
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString())).toEqual(json);
    // The tag is the same whatever the encoding (weak), and a compressed revalidation is a 304 too.
    expect(br.headers.etag).toBe(plain.headers.etag);
    expectNotModified(await get(target, { 'Accept-Encoding': 'br', 'If-None-Match': plain.headers.etag }), plain.headers.etag);
  });

  it('sends an answer under 1 KB as it is (the statistics of a few reports)', async () => {
    const small = await get('/api/segnalazioni/statistics', { 'Accept-Encoding': 'br, gzip' });
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(small.body.toString()).data).toBeDefined();
  });

  it('serves a photo by ranges, uncompressed, to a client that accepts compression', async () => {
    const ranged = await get(photo.url, { Range: 'bytes=0-99', 'Accept-Encoding': 'br, gzip' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-encoding']).toBeUndefined();
    expect(ranged.headers['content-range']).toBe(`bytes 0-99/${photo.bytes.length}`);
    expect(ranged.body.equals(photo.bytes.subarray(0, 100))).toBe(true);
    const whole = await get(photo.url, { 'Accept-Encoding': 'br, gzip' });
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.body.equals(photo.bytes)).toBe(true);
  });

  it('lets no cache keep a citizen’s, a login’s or the staff’s answers', async () => {
    const citizenAnswers = await Promise.all([
      get('/api/segnalazioni/my/reports', { Authorization: `Bearer ${jwt}` }),
      get(`/api/segnalazioni/my/reports/${published}`, { Authorization: `Bearer ${jwt}` }),
      get('/api/users/me', { Authorization: `Bearer ${jwt}` }),
      get(photo.signedUrl),
      get('/segnalazioni/reports', { Authorization: `Bearer ${officer.token}` }),
      get('/segnalazioni/statistics', { Authorization: `Bearer ${officer.token}` }),
      get('/admin/users/me', { Authorization: `Bearer ${officer.token}` }),
    ]);
    for (const response of citizenAnswers) {
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe(NO_STORE);
      expect(response.headers.etag).toBeUndefined();
    }
    const login = await app.http().post('/api/auth/local').send({ identifier: 'nora.villa@example.it', password: 'Password123!' }).expect(200);
    expect(login.headers['cache-control']).toBe(NO_STORE);
    const adminLogin = await app.http().post('/admin/login').send({ email: 'gino.ferri@comune.test', password: STAFF_PASSWORD }).expect(200);
    expect(adminLogin.headers['set-cookie']).toBeDefined();
    expect(adminLogin.headers['cache-control']).toBe(NO_STORE);
  });
});
