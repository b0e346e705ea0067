import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { fakeJpeg, jpegWithGps, png } from '../helpers/images';
import { loopbackAddress, rawRequest } from '../helpers/raw-http';
import { countRows } from '../helpers/row-counts';
import { startS3, type FakeS3 } from '../helpers/s3-server';
import { createCitizen, createOffice, createStaff, publishThroughPanel, type TestStaff } from '../helpers/staff';

/**
 * Uploads in an S3-compatible bucket (UPLOAD_PROVIDER=s3): the bucket answers nobody without a
 * signature, and a report photo reaches the public only through our own address, by the photo
 * guard's rule, exactly as from the local folder.
 */

const FORMATS = ['thumbnail', 'small', 'medium', 'large'] as const;

interface ServedPhoto {
  readonly url: string;
  readonly formats: Record<string, { url: string }>;
}

interface OwnPhoto extends ServedPhoto {
  readonly documentId: string;
}

describe('report photos in an S3-compatible bucket', () => {
  let s3: FakeS3;
  let app: TestApp;
  let officer: TestStaff;
  let jwt: string;

  const citizen = (request: ReturnType<ReturnType<TestApp['http']>['get']>) => request.set('Authorization', `Bearer ${jwt}`);
  const submit = (title: string, photo: Buffer) =>
    app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${jwt}`)
      .field('data', JSON.stringify({ title, description: 'Sacchi abbandonati accanto al cassonetto.', category: 'rifiuti' }))
      .attach('photos', photo, { filename: 'foto.jpg', contentType: 'image/jpeg' });
  const act = (documentId: string, action: string, body: object = {}) =>
    app.http().post(`/segnalazioni/reports/${documentId}/actions/${action}`).set('Authorization', `Bearer ${officer.token}`).send(body).expect(200);
  const archivePhotos = async (documentId: string): Promise<ServedPhoto[]> =>
    (await app.http().get(`/api/segnalazioni/reports/${documentId}`).expect(200)).body.data.photos;
  /** The object a served URL stands for: its file name is the object's key. */
  const objectOf = (url: string) => {
    const key = new URL(url, 'http://x').pathname.split('/').pop() ?? '';
    const object = s3.objects.get(key);
    if (!object) throw new Error(`No object ${key} in the bucket`);
    return { key, ...object };
  };
  const bucketKeys = () => [...s3.objects.keys()].sort();
  const sweep = (now?: Date): Promise<{ rows: number; files: number }> => app.strapi.plugin('segnalazioni').service('upload-sweep').sweep(now);
  /** Other spellings of a photo's path the guard resolves to that path (tests/integration/hardening-photo-paths.test.ts has them all). */
  const spellings = (url: string) => {
    const name = path.posix.basename(new URL(url, 'http://x').pathname);
    return [`/uploads/./${name}`, `/x/%2E%2E/uploads/${name}`, `//uploads/${name}`];
  };
  const raw = async (target: string, headers: Record<string, string> = {}) =>
    rawRequest(await loopbackAddress(app.strapi.server.httpServer), { method: 'GET', target, headers });
  const everyUrl = (photo: ServedPhoto) => [photo.url, ...FORMATS.map((format) => photo.formats[format].url)];

  let reportId: string;
  let own: OwnPhoto;

  beforeAll(async () => {
    s3 = await startS3();
    app = await startApp({ ...s3.env, NOTIFICATION_POLL_MS: '60000' });
    officer = await createStaff(app, 'lia.neri@comune.test', { name: 'Ufficio' });
    await createOffice(app, 'Ufficio Ambiente', 'ambiente@comune.test', [officer.id], ['rifiuti']);
    await createCitizen(app, 'piera.gallo@example.it');
    jwt = (await app.http().post('/api/auth/local').send({ identifier: 'piera.gallo@example.it', password: 'Password123!' }).expect(200)).body.jwt;
    const created = await submit('Sacchi in via Roma', await jpegWithGps(1600, 1200)).expect(201);
    reportId = created.body.data.documentId;
    [own] = created.body.data.photos;
  });

  afterAll(async () => {
    await app?.stop();
    await s3?.close();
  });

  it('puts the photo and every format in the bucket, private, and nothing in the local folder', async () => {
    const stored = await app.strapi.db.query('plugin::upload.file').findMany({});
    expect(stored.map((file: { provider: string }) => file.provider)).toEqual(['aws-s3']);
    expect(Object.keys(own.formats).sort()).toEqual([...FORMATS].sort());
    const keys = everyUrl(own).map((url) => objectOf(url).key);
    expect(bucketKeys()).toEqual([...keys].sort());
    for (const url of everyUrl(own)) expect(objectOf(url)).toMatchObject({ acl: 'private', contentType: 'image/jpeg' });
    expect(fs.readdirSync(path.join(app.publicDir, 'uploads'))).toEqual([]);
  });

  it('gives the reporter signed links to our own address that open every format before approval, and no shared cache keeps them', async () => {
    for (const url of everyUrl(own)) {
      expect(url).toMatch(/^\/uploads\/[a-z_]*sgn_[0-9a-f_]+\.jpg\?expires=\d+&signature=/);
      const response = await app.http().get(url).buffer(true).expect(200);
      expect(Buffer.compare(response.body, objectOf(url).body)).toBe(0);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['cache-control']).toBe('private, no-store');
    }
    const mine = await citizen(app.http().get(`/api/segnalazioni/my/reports/${reportId}`)).expect(200);
    await app.http().get(mine.body.data.photos[0].url).expect(200);
  });

  it('refuses the photo to anyone else, at our address and at the bucket, until it is approved and published', async () => {
    const unsigned = everyUrl(own).map((url) => new URL(url, 'http://x').pathname);
    for (const address of unsigned) await app.http().get(address).expect(404);
    for (const target of spellings(own.url)) expect({ target, status: (await raw(target)).status }).toEqual({ target, status: 404 });
    await publishThroughPanel(app, officer, reportId);
    // Published, the photo still pending: not in the archive, not served.
    expect(await archivePhotos(reportId)).toEqual([]);
    for (const address of unsigned) await app.http().get(address).expect(404);
    for (const key of bucketKeys()) {
      const direct = await fetch(s3.objectUrl(key));
      expect({ key, status: direct.status }).toEqual({ key, status: 403 });
    }
  });

  it("hands out none of the bucket's presigned links through the upload plugin's own API, REST or GraphQL", async () => {
    await app.http().get('/api/upload/files').expect(403);
    await citizen(app.http().get('/api/upload/files')).expect(403);
    await app.http().get(`/api/upload/files/1`).expect(403);
    for (const asCitizen of [false, true]) {
      const request = app.http().post('/graphql');
      const answer = await (asCitizen ? request.set('Authorization', `Bearer ${jwt}`) : request).send({ query: '{ uploadFiles { url } }' });
      expect(JSON.stringify(answer.body)).not.toContain('X-Amz-Signature');
      expect(answer.body.data?.uploadFiles ?? null).toBeNull();
    }
  });

  it("serves the archive's URLs once approved and published: bytes, Range, HEAD, conditional requests, public cache", async () => {
    await act(reportId, 'moderate_photo', { photo: own.documentId, decision: 'approve' });
    const [photo] = await archivePhotos(reportId);
    expect(Object.keys(photo.formats).sort()).toEqual([...FORMATS].sort());
    for (const url of everyUrl(photo)) {
      expect(url).toMatch(/^\/uploads\/[a-z_]*sgn_[0-9a-f_]+\.jpg$/);
      const object = objectOf(url);
      const whole = await app.http().get(url).buffer(true).expect(200);
      expect(Buffer.compare(whole.body, object.body)).toBe(0);
      expect(whole.headers).toMatchObject({ 'content-type': 'image/jpeg', 'cache-control': 'public, max-age=60', 'accept-ranges': 'bytes' });
      expect(whole.headers['content-length']).toBe(String(object.body.length));

      const part = await app.http().get(url).set('Range', 'bytes=0-99').buffer(true).expect(206);
      expect(Buffer.compare(part.body, object.body.subarray(0, 100))).toBe(0);
      expect(part.headers['content-range']).toBe(`bytes 0-99/${object.body.length}`);

      const head = await app.http().head(url).expect(200);
      expect(head.headers['content-length']).toBe(String(object.body.length));
      await app.http().get(url).set('If-None-Match', whole.headers.etag).expect(304);
    }
    await app.http().get(photo.url).set('Range', 'bytes=99999999-').expect(416);
    for (const target of spellings(photo.url)) {
      const response = await raw(target, { Range: 'bytes=0-99' });
      expect({ target, status: response.status }).toEqual({ target, status: 206 });
      expect(Buffer.compare(response.body, objectOf(photo.url).body.subarray(0, 100))).toBe(0);
    }
    // The bucket itself still answers nobody: the public reads through our address only.
    expect((await fetch(s3.objectUrl(objectOf(photo.url).key))).status).toBe(403);
  });

  it('refuses the photo again once the report is unpublished', async () => {
    const [photo] = await archivePhotos(reportId);
    await act(reportId, 'unpublish');
    for (const url of everyUrl(photo)) await app.http().get(url).expect(404);
    await app.http().head(photo.url).expect(404);
    for (const target of spellings(photo.url)) expect({ target, status: (await raw(target)).status }).toEqual({ target, status: 404 });
  });

  it('leaves nothing in the bucket when a submission is refused', async () => {
    const before = { keys: bucketKeys(), rows: await countRows(app) };
    await submit('Non è una foto', fakeJpeg()).expect(400);
    await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${jwt}`)
      .field('data', JSON.stringify({ title: 'Categoria inesistente', description: 'Una foto vera, una categoria che non esiste.', category: 'nessuna' }))
      .attach('photos', await jpegWithGps(800, 600), { filename: 'foto.jpg', contentType: 'image/jpeg' })
      .expect(400);
    expect({ keys: bucketKeys(), rows: await countRows(app) }).toEqual(before);
  });

  it("deletes a photo's objects, every format, when the reporter removes it", async () => {
    const created = await submit('Cassonetto rotto', await jpegWithGps(1600, 1200)).expect(201);
    const [photo]: OwnPhoto[] = created.body.data.photos;
    const keys = everyUrl(photo).map((url) => objectOf(url).key);
    await app
      .http()
      .put(`/api/segnalazioni/my/reports/${created.body.data.documentId}`)
      .set('Authorization', `Bearer ${jwt}`)
      .field('data', JSON.stringify({ removePhotos: [photo.documentId] }))
      .expect(200);
    // Removed once the edit commits.
    for (let tries = 0; tries < 50 && keys.some((key) => s3.objects.has(key)); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(keys.filter((key) => s3.objects.has(key))).toEqual([]);
  });

  it('sweeps objects a crash left with no upload row, once past the grace period', async () => {
    const body = await png();
    const leftover = { body, contentType: 'image/png', acl: 'private', etag: 'x', lastModified: new Date(Date.now() - 2 * 60 * 60 * 1000) };
    s3.objects.set('sgn_0123456789abcdef_0123456789.png', leftover);
    s3.objects.set('small_sgn_0123456789abcdef_0123456789.png', leftover);
    s3.objects.set('sgn_fedcba9876543210_0123456789.png', { ...leftover, lastModified: new Date() });
    s3.objects.set('logo_comune.png', leftover);
    const kept = bucketKeys().filter((key) => !key.startsWith('sgn_0123') && !key.startsWith('small_sgn_0123'));
    expect(await sweep()).toEqual({ rows: 0, files: 2 });
    expect(bucketKeys()).toEqual(kept);
    s3.objects.delete('sgn_fedcba9876543210_0123456789.png');
  });

  it('leaves nothing behind, once swept, when the bucket fails while a submission is stored', async () => {
    const before = { keys: bucketKeys(), rows: await countRows(app) };
    s3.failWrites((key) => key.startsWith('small_'));
    try {
      const refused = await submit('Il deposito non risponde', await jpegWithGps(1600, 1200));
      expect(refused.status).toBe(503);
      expect(refused.body.error.message).toMatch(/foto/i);
    } finally {
      s3.failWrites(null);
    }
    await sweep(new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect({ keys: bucketKeys(), rows: await countRows(app) }).toEqual(before);
  });

  it("keeps the media library working for editors: uploads land private, shown through the provider's presigned links", async () => {
    const editor = await createStaff(app, 'eva.editor@comune.test', { code: 'strapi-editor' });
    const uploaded = await app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${editor.token}`)
      .attach('files', await png(), { filename: 'icona-rifiuti.png', contentType: 'image/png' })
      .expect(201);
    const [file] = uploaded.body;
    expect(file.isUrlSigned).toBe(true);
    const key = `${file.hash}${file.ext}`;
    expect(s3.objects.get(key)?.acl).toBe('private');
    const shown = await fetch(file.url);
    expect(shown.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await shown.arrayBuffer()), s3.objects.get(key)?.body ?? Buffer.alloc(0))).toBe(0);
    expect((await fetch(s3.objectUrl(key))).status).toBe(403);

    await app.http().delete(`/upload/files/${file.id}`).set('Authorization', `Bearer ${editor.token}`).expect(200);
    expect(s3.objects.has(key)).toBe(false);

    // Past 5 MB the SDK sends a file in parts (multipart upload).
    const large = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(6 * 1024 * 1024)]);
    const [document] = (
      await app
        .http()
        .post('/upload')
        .set('Authorization', `Bearer ${editor.token}`)
        .attach('files', large, { filename: 'regolamento.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body;
    expect(s3.objects.get(`${document.hash}${document.ext}`)).toMatchObject({ acl: 'private', etag: expect.stringMatching(/-2$/) });
    expect(Buffer.compare(Buffer.from(await (await fetch(document.url)).arrayBuffer()), large)).toBe(0);
  });
});
