import fs from 'fs';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';
import { jpegWithGps } from '../helpers/images';
import { loopbackAddress, rawRequest, type RawResponse } from '../helpers/raw-http';
import { createCitizen } from '../helpers/staff';

/**
 * A report photo opens only when the guard allows that very file, whatever spelling of its path
 * reaches the static server: requests are written on a raw socket, as an attacker would.
 */

const PHOTO = 'plugin::segnalazioni.photo';
const REPORT = 'plugin::segnalazioni.report';
const FORMATS = ['thumbnail', 'small', 'medium', 'large'] as const;

/** Every spelling of one file's path that the static server resolves to that file. */
const SPELLINGS: ReadonlyArray<readonly [string, (name: string) => string]> = [
  ['canonical', (name) => `/uploads/${name}`],
  ['dot segment', (name) => `/uploads/./${name}`],
  ['doubled slash', (name) => `//uploads/${name}`],
  ['encoded dot', (name) => `/uploads/%2e/${name}`],
  ['upper-case encoded dot', (name) => `/uploads/%2E/${name}`],
  ['parent segment', (name) => `/x/../uploads/${name}`],
  ['encoded parent segment', (name) => `/x/%2E%2E/uploads/${name}`],
  ['encoded slash', (name) => `/uploads%2F${name}`],
  [
    'encoded letters',
    (name) =>
      `/uploads/${name.replace('sgn_', '%73gn_').replace(/\.(\w+)$/, (_, ext: string) => `.%${ext.charCodeAt(0).toString(16).toUpperCase()}${ext.slice(1)}`)}`,
  ],
  ['absolute form', (name) => `http://127.0.0.1/uploads/${name}`],
];

const METHODS: ReadonlyArray<readonly [string, string, Record<string, string>]> = [
  ['GET', 'GET', {}],
  ['HEAD', 'HEAD', {}],
  ['Range', 'GET', { Range: 'bytes=0-99' }],
];

type State = 'pending' | 'rejected' | 'approved, report unpublished' | 'approved and published';

interface Photo {
  readonly url: string;
  readonly formats: Record<string, { url: string }>;
}

describe('report photos behind any spelling of their path', () => {
  let app: TestApp;
  let address: { host: string; port: number };
  const photos = new Map<State, Photo & { signed: Photo }>();

  /** Submits a report with one photo large enough for every format, and puts it in `state`. */
  async function photoIn(state: State, jwt: string): Promise<Photo & { signed: Photo }> {
    const created = await app
      .http()
      .post('/api/segnalazioni/reports')
      .set('Authorization', `Bearer ${jwt}`)
      .field('data', JSON.stringify({ title: `Foto ${state}`, description: 'Una foto da non mostrare a chi non deve.', category: 'rifiuti' }))
      .attach('photos', await jpegWithGps(1600, 1200), { filename: 'foto.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const [signed] = created.body.data.photos as Array<Photo & { documentId: string }>;
    const moderation = state === 'pending' ? 'pending' : state === 'rejected' ? 'rejected' : 'approved';
    await app.strapi.db.query(PHOTO).update({ where: { documentId: signed.documentId }, data: { moderation } });
    await app.strapi.db.query(REPORT).update({ where: { documentId: created.body.data.documentId }, data: { isPublic: state === 'approved and published' } });
    const unsigned = (url: string) => new URL(url, 'http://x').pathname;
    return {
      url: unsigned(signed.url),
      formats: Object.fromEntries(Object.entries(signed.formats).map(([key, format]) => [key, { url: unsigned(format.url) }])),
      signed,
    };
  }

  beforeAll(async () => {
    app = await startApp({ NOTIFICATION_POLL_MS: '60000' });
    await createCitizen(app, 'piera.gallo@example.it');
    const { jwt } = (await app.http().post('/api/auth/local').send({ identifier: 'piera.gallo@example.it', password: 'Password123!' }).expect(200)).body;
    for (const state of ['pending', 'rejected', 'approved, report unpublished', 'approved and published'] as const) {
      photos.set(state, await photoIn(state, jwt));
    }
    address = await loopbackAddress(app.strapi.server.httpServer);
  });

  afterAll(async () => {
    await app?.stop();
  });

  /** The file's name, and its bytes on disk. */
  const files = (photo: Photo) =>
    [photo.url, ...FORMATS.map((format) => photo.formats[format].url)].map((url) => ({
      name: path.basename(url),
      bytes: fs.readFileSync(path.join(app.publicDir, url)),
    }));

  const expectRefused = (response: RawResponse, bytes: Buffer, label: string) => {
    expect({ label, status: response.status }).toEqual({ label, status: 404 });
    expect(response.headers['content-type']).not.toMatch(/^image\//);
    expect(response.body.includes(bytes.subarray(0, 64))).toBe(false);
  };

  const expectServed = (response: RawResponse, bytes: Buffer, method: string, label: string) => {
    if (method === 'Range') {
      expect({ label, status: response.status }).toEqual({ label, status: 206 });
      expect(response.body.equals(bytes.subarray(0, 100))).toBe(true);
    } else {
      expect({ label, status: response.status }).toEqual({ label, status: 200 });
      expect(response.headers['content-length']).toBe(String(bytes.length));
      if (method === 'GET') expect(response.body.equals(bytes)).toBe(true);
    }
  };

  it('has every format to try', () => {
    for (const photo of photos.values()) expect(Object.keys(photo.formats).sort()).toEqual([...FORMATS].sort());
  });

  it.each(['pending', 'rejected', 'approved, report unpublished'] as const)('serves a %s photo under no spelling, method or format', async (state) => {
    const photo = photos.get(state) as Photo;
    for (const file of files(photo)) {
      for (const [spelling, spell] of SPELLINGS) {
        for (const [label, method, headers] of METHODS) {
          const response = await rawRequest(address, { method, target: spell(file.name), headers });
          expectRefused(response, file.bytes, `${state} ${file.name} ${spelling} ${label}`);
        }
      }
    }
  });

  it('serves an approved photo of a published report in every format, under every spelling that reaches it', async () => {
    const photo = photos.get('approved and published') as Photo;
    for (const file of files(photo)) {
      for (const [spelling, spell] of SPELLINGS) {
        for (const [label, method, headers] of METHODS) {
          const response = await rawRequest(address, { method, target: spell(file.name), headers });
          expectServed(response, file.bytes, label, `${file.name} ${spelling} ${label}`);
        }
      }
    }
  });

  it('keeps signed links working for an unapproved photo, and only for the file they were signed for', async () => {
    const pending = photos.get('pending') as Photo & { signed: Photo };
    const rejected = photos.get('rejected') as Photo;
    const link = new URL(pending.signed.url, 'http://x');
    const [original] = files(pending);
    for (const [spelling, spell] of SPELLINGS) {
      const response = await rawRequest(address, { method: 'GET', target: `${spell(original.name)}${link.search}` });
      expectServed(response, original.bytes, 'GET', `signed ${spelling}`);
      expect(response.headers['cache-control']).toContain('no-store');
    }
    // The signature of one photo opens no other, even when that photo is named after it in the path.
    const [other] = files(rejected);
    const smuggled = await rawRequest(address, { method: 'GET', target: `/uploads/${original.name}/../${other.name}${link.search}` });
    expectRefused(smuggled, other.bytes, 'signature carried to another photo');
  });

  it('refuses spellings that name a photo but resolve to no canonical file', async () => {
    const [file] = files(photos.get('approved and published') as Photo);
    for (const target of [`/uploads/%2573gn_${file.name.slice(4)}`, `/uploads/${file.name}/`, `/uploads/${file.name}%00`, `/${file.name}`]) {
      const response = await rawRequest(address, { method: 'GET', target });
      expectRefused(response, file.bytes, target);
    }
  });
});
