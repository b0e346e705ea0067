import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { ROOT, startApp, type TestApp } from '../helpers/app';
import { rawRequest } from '../helpers/raw-http';

/**
 * The built admin panel (6 MB of JavaScript) goes out compressed, keeping the cache headers Strapi
 * gives it. Here, not among the integration tests, because it needs the built admin (this project's
 * global setup builds it); no browser is needed.
 */
describe('the admin panel, compressed', () => {
  let app: TestApp;
  let address: { host: string; port: number };

  beforeAll(async () => {
    app = await startApp({}, { admin: true });
    const url = new URL(app.url);
    address = { host: url.hostname, port: Number(url.port) };
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('sends its page and its bundle brotli or gzip, decoding to the built files', async () => {
    const page = await rawRequest(address, { method: 'GET', target: '/admin', headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = page.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(page.body).toString() : page.body.toString();
    const entry = /<script type="module" src="\/admin\/([\w.-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const built = fs.readFileSync(path.join(ROOT, 'dist/build', entry as string));
    expect(built.length).toBeGreaterThan(1024 * 1024);

    for (const [accept, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      const bundle = await rawRequest(address, { method: 'GET', target: `/admin/${entry}`, headers: { 'Accept-Encoding': accept } });
      expect(bundle.status).toBe(200);
      expect(bundle.headers['content-encoding']).toBe(accept);
      expect(bundle.headers.vary).toMatch(/Accept-Encoding/i);
      expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(bundle.body.length).toBeLessThan(built.length * 0.4);
      expect(decode(bundle.body).equals(built)).toBe(true);
    }

    const plain = await rawRequest(address, { method: 'GET', target: `/admin/${entry}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(built)).toBe(true);
  });
});
