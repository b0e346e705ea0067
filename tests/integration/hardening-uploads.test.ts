import fs from 'fs';
import path from 'path';
import type { Test } from 'supertest';
import { startApp, type TestApp } from '../helpers/app';
import { jpegOfSize, jpegWithGps } from '../helpers/images';
import { loopbackAddress, rawRequest } from '../helpers/raw-http';
import { createCitizen, createStaff } from '../helpers/staff';
import { ownTempFolder } from '../helpers/temp-folder';

/**
 * Whatever a request's outcome, it leaves no temp file behind; multipart is read only by the
 * routes that take files, after authentication, within limits; bodies that cannot be read get a
 * 4xx in Strapi's format with an Italian message.
 * The temp folder is this file's own (tests/helpers/temp-folder.ts).
 */
const TEMP = ownTempFolder();

const REPORT = { title: 'Rifiuti abbandonati', description: 'Sacchi di rifiuti lasciati accanto al cassonetto.', category: 'rifiuti' };
const BOUNDARY = 'sportelloBoundary7MA4YWxk';

/** A multipart body written by hand: fields, then files, exactly as given. */
function multipart(
  parts: Array<{ name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer }>,
  boundary = BOUNDARY,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      'filename' in part
        ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}`
        : `Content-Disposition: form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), 'filename' in part ? part.bytes : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A body cut in pieces, as a client streams it. */
const pieces = (body: Buffer, size = 256 * 1024) =>
  Array.from({ length: Math.ceil(body.length / size) }, (_, index) => body.subarray(index * size, (index + 1) * size));

/** Chunked transfer coding of the pieces. */
const chunked = (parts: Buffer[]) => [
  ...parts.map((part) => Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')])),
  Buffer.from('0\r\n\r\n'),
];

describe('uploads leave nothing behind, and bodies that cannot be read get a clear 4xx', () => {
  let app: TestApp;
  let citizenJwt: string;
  let adminToken: string;
  let photo: Buffer;

  /** What the temp folder holds besides what was there before the test. */
  const tempEntries = () => new Set(fs.readdirSync(TEMP.path));
  let baseline: Set<string>;
  const leftovers = () => [...tempEntries()].filter((entry) => !baseline.has(entry));

  /** The temp folder holds nothing new: asked right after the answer, and again a little later. */
  async function expectNoLeftovers(label: string) {
    expect({ label, leftovers: leftovers() }).toEqual({ label, leftovers: [] });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect({ label, leftovers: leftovers() }).toEqual({ label, leftovers: [] });
  }

  const asCitizen = (request: Test) => request.set('Authorization', `Bearer ${citizenJwt}`);
  const withPhoto = (request: Test, data = JSON.stringify(REPORT)) =>
    request.field('data', data).attach('photos', photo, { filename: 'foto.jpg', contentType: 'image/jpeg' });

  beforeAll(async () => {
    // 1 MB photos: the citizen routes take 5 MB of files in all, so the limits are quick to pass.
    app = await startApp({ NOTIFICATION_POLL_MS: '60000', UPLOAD_SIZE_LIMIT_MB: '1' });
    await createCitizen(app, 'lia.conti@example.it');
    citizenJwt = (await app.http().post('/api/auth/local').send({ identifier: 'lia.conti@example.it', password: 'Password123!' }).expect(200)).body.jwt;
    adminToken = (await createStaff(app, 'ada.admin@comune.test', { code: 'strapi-super-admin' })).token;
    photo = await jpegWithGps(800, 600);
  });

  // Each request is judged on its own leftovers.
  beforeEach(() => {
    baseline = tempEntries();
  });

  afterAll(async () => {
    await app?.stop();
    TEMP.release();
  });

  /** Label, request, status, and for a refused body its message (its details carry a `reason`). */
  const statusCases: Array<[string, () => Test, number, RegExp | null]> = [
    ['an anonymous upload to the citizen route', () => withPhoto(app.http().post('/api/segnalazioni/reports')), 403, null],
    ['an upload with a forged token', () => withPhoto(app.http().post('/api/segnalazioni/reports').set('Authorization', 'Bearer not.a.token')), 401, null],
    ['an upload to a route that does not exist', () => withPhoto(asCitizen(app.http().post('/api/segnalazioni/nowhere'))), 415, /non accetta file/],
    ['an upload with a method the route does not have', () => withPhoto(asCitizen(app.http().patch('/api/segnalazioni/reports'))), 415, /non accetta file/],
    ['an upload with data that is not JSON', () => withPhoto(asCitizen(app.http().post('/api/segnalazioni/reports')), '{"title": '), 400, null],
    [
      'an upload with a prototype key in its data',
      () => withPhoto(asCitizen(app.http().post('/api/segnalazioni/reports')), '{"__proto__": {"admin": true}}'),
      400,
      /chiave non ammessa "__proto__"/,
    ],
    [
      'an upload of more files than any report takes',
      () => {
        let request = asCitizen(app.http().post('/api/segnalazioni/reports')).field('data', JSON.stringify(REPORT));
        for (let index = 0; index < 11; index++) request = request.attach('photos', photo, { filename: `foto-${index}.jpg`, contentType: 'image/jpeg' });
        return request;
      },
      413,
      /troppo grande/,
    ],
    ['an upload of files to a JSON route (login)', () => withPhoto(app.http().post('/api/auth/local')), 415, /non accetta file/],
    [
      'an upload to the media library without permission',
      () => app.http().post('/api/upload').attach('files', photo, { filename: 'foto.jpg', contentType: 'image/jpeg' }),
      403,
      null,
    ],
    [
      "an edit of a report that is not the citizen's",
      () => withPhoto(asCitizen(app.http().put('/api/segnalazioni/my/reports/abcdefghijklmnopqrstuvwx'))),
      404,
      null,
    ],
  ];

  it.each(statusCases)('%s: the right status, and no temp file', async (label, send, status, message) => {
    const response = await send();
    expect({ label, status: response.status }).toEqual({ label, status });
    expect(response.body).toMatchObject({ data: null, error: { status } });
    if (message) {
      expect(response.body.error.message).toMatch(message);
      expect(response.body.error.details).toEqual(expect.objectContaining({ reason: expect.any(String) }));
    }
    await expectNoLeftovers(label);
  });

  it('a body declared larger than the limit: 413 before a byte of it is read', async () => {
    const address = await loopbackAddress(app.strapi.server.httpServer);
    const body = multipart([
      { name: 'data', value: JSON.stringify(REPORT) },
      { name: 'photos', filename: 'enorme.jpg', type: 'image/jpeg', bytes: await jpegOfSize(7) },
    ]);
    const response = await rawRequest(address, {
      method: 'POST',
      target: '/api/segnalazioni/reports',
      headers: { Authorization: `Bearer ${citizenJwt}`, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': String(body.length) },
      // Only the first piece is sent: the answer must not wait for the rest.
      body: [body.subarray(0, 64 * 1024)],
    });
    expect(response.status).toBe(413);
    const error = JSON.parse(response.body.toString('utf8')).error;
    expect(error).toMatchObject({ status: 413, name: 'PayloadTooLargeError', details: { reason: 'tooLarge' } });
    expect(error.message).toMatch(/troppo grande: al massimo 5 MB di file/);
    await expectNoLeftovers('declared too large');
  });

  it('a chunked body that grows past the limit: 413, and what was written is removed', async () => {
    const address = await loopbackAddress(app.strapi.server.httpServer);
    const body = multipart([
      { name: 'data', value: JSON.stringify(REPORT) },
      { name: 'photos', filename: 'enorme.jpg', type: 'image/jpeg', bytes: await jpegOfSize(8) },
    ]);
    const sent = rawRequest(address, {
      method: 'POST',
      target: '/api/segnalazioni/reports',
      headers: { Authorization: `Bearer ${citizenJwt}`, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Transfer-Encoding': 'chunked' },
      body: chunked(pieces(body)),
    });
    // The server answers and closes while the client is still sending: a client that only reads once it
    // has written everything may find the connection reset, its 413 discarded by the kernel. Either way
    // nothing of the body may stay.
    const response = await sent.catch((error: Error) => {
      if (/No complete response head in 0 bytes|ECONNRESET|EPIPE/.test(error.message)) return null;
      throw error;
    });
    if (response) {
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body.toString('utf8')).error).toMatchObject({ status: 413, details: { reason: 'tooLarge' } });
    }
    await expectNoLeftovers('chunked too large');
  });

  it("a valid upload whose store fails: 503 for a report (500 from the media library's own handler), and its temp files are removed all the same", async () => {
    const uploads = path.join(app.publicDir, 'uploads');
    fs.renameSync(uploads, `${uploads}.away`);
    // A file where the folder was: the upload provider cannot write, whoever runs the tests.
    fs.writeFileSync(uploads, 'not a folder');
    try {
      const report = await withPhoto(asCitizen(app.http().post('/api/segnalazioni/reports')));
      expect(report.status).toBe(503);
      expect(report.body.error.message).toBe('Non è stato possibile salvare le foto in questo momento: riprova tra qualche minuto.');
      const media = await app
        .http()
        .post('/upload')
        .set('Authorization', `Bearer ${adminToken}`)
        .attach('files', photo, { filename: 'mappa.jpg', contentType: 'image/jpeg' });
      expect(media.status).toBe(500);
    } finally {
      fs.rmSync(uploads);
      fs.renameSync(`${uploads}.away`, uploads);
    }
    await expectNoLeftovers('handler failure');
  });

  it('a valid report, a JSON-only edit and a media library upload still work, and leave nothing', async () => {
    const created = await withPhoto(asCitizen(app.http().post('/api/segnalazioni/reports'))).expect(201);
    expect(created.body.data.photos).toHaveLength(1);
    await asCitizen(app.http().put(`/api/segnalazioni/my/reports/${created.body.data.documentId}`))
      .send({ data: { title: 'Rifiuti abbandonati in via Roma' } })
      .expect(200);
    const media = await app
      .http()
      .post('/upload')
      .set('Authorization', `Bearer ${adminToken}`)
      .attach('files', photo, { filename: 'mappa.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(media.body[0]).toMatchObject({ name: 'mappa.jpg', mime: 'image/jpeg' });
    await expectNoLeftovers('valid uploads');
  });

  describe('malformed bodies', () => {
    const malformed: Array<[string, string, () => Buffer]> = [
      [
        'a multipart body with another boundary than declared',
        `multipart/form-data; boundary=${BOUNDARY}`,
        () => multipart([{ name: 'data', value: '{}' }], 'otherBoundary'),
      ],
      ['a multipart body with no boundary declared', 'multipart/form-data', () => multipart([{ name: 'data', value: '{}' }])],
      [
        'a truncated multipart body',
        `multipart/form-data; boundary=${BOUNDARY}`,
        () =>
          multipart([
            { name: 'data', value: JSON.stringify(REPORT) },
            { name: 'photos', filename: 'f.jpg', type: 'image/jpeg', bytes: photo },
          ]).subarray(0, -200),
      ],
    ];

    it.each(malformed)('%s → 400 in Strapi format, in Italian, nothing left', async (label, contentType, body) => {
      const address = await loopbackAddress(app.strapi.server.httpServer);
      const bytes = body();
      const response = await rawRequest(address, {
        method: 'POST',
        target: '/api/segnalazioni/reports',
        headers: { Authorization: `Bearer ${citizenJwt}`, 'Content-Type': contentType, 'Content-Length': String(bytes.length) },
        body: [bytes],
      });
      expect({ label, status: response.status }).toEqual({ label, status: 400 });
      const error = JSON.parse(response.body.toString('utf8')).error;
      expect(error).toMatchObject({ status: 400, details: { reason: 'malformedMultipart' } });
      expect(error.message).toMatch(/modulo inviato non è leggibile/);
      await expectNoLeftovers(label);
    });

    it('a malformed multipart body to a route that takes no files → 415, unread', async () => {
      const response = await app.http().post('/api/auth/local').set('Content-Type', 'multipart/form-data').send('garbage');
      expect(response.status).toBe(415);
      expect(response.body.error).toMatchObject({ status: 415, details: { reason: 'multipartNotAccepted' } });
    });

    const jsonCases: Array<[string, string, RegExp, Record<string, unknown>]> = [
      ['malformed JSON', '{"identifier": "lia.conti@example.it", ', /non è JSON valido/, { reason: 'invalidJson' }],
      ['JSON that is not an object', '"una stringa"', /non è JSON valido/, { reason: 'invalidJson' }],
      ['a __proto__ key', '{"identifier": "x", "__proto__": {"isAdmin": true}}', /chiave non ammessa "__proto__"/, { reason: 'forbiddenKey' }],
      ['a constructor key, deep down', '{"data": {"nested": [{"constructor": {"prototype": {"x": 1}}}]}}', /chiave non ammessa/, { reason: 'forbiddenKey' }],
      [
        'a plain constructor key',
        '{"data": {"constructor": "x"}}',
        /chiave non ammessa "constructor" \(in data\.constructor\)/,
        { reason: 'forbiddenKey', path: 'data.constructor' },
      ],
    ];

    it.each(jsonCases)('%s → 400 with details, in Italian', async (_label, body, message, details) => {
      for (const target of ['/api/auth/local', '/api/segnalazioni/reports', '/segnalazioni/reports/desk']) {
        const response = await app.http().post(target).set('Content-Type', 'application/json').send(body);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ data: null, error: { status: 400, details } });
        expect(response.body.error.message).toMatch(message);
      }
    });

    it('a JSON body larger than the parser takes → 413 in Italian', async () => {
      const response = await app
        .http()
        .post('/api/auth/local')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ identifier: 'x'.repeat(2 * 1024 * 1024) }));
      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({ status: 413, details: { reason: 'tooLarge' } });
      expect(response.body.error.message).toMatch(/troppo grande/);
    });
  });
});
