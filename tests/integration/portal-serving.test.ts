import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { startApp, type TestApp } from '../helpers/app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PORTAL_DIR, ensurePortal } = require('../../scripts/build-portal');

/** A GET sent exactly as written: no client normalises `..` away, as curl --path-as-is does. */
function rawGet(port: number, requestPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: requestPath }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** The citizen portal as the server hands it out: deep links, cache headers, types, no way out of its folder. */
describe('portal serving', () => {
  let app: TestApp;
  let index: string;

  beforeAll(async () => {
    await ensurePortal();
    app = await startApp({ MUNICIPALITY_NAME: 'Comune di Prova & <Dintorni>' });
    index = fs.readFileSync(path.join(PORTAL_DIR, 'index.html'), 'utf8');
  });

  afterAll(async () => {
    await app?.stop();
  });

  const assetPath = (pattern: RegExp) => {
    const match = pattern.exec(index);
    if (!match) throw new Error(`No ${pattern} in the built index.html`);
    return match[1];
  };

  it('answers every portal address with index.html, the municipality filled in and escaped, revalidated each time', async () => {
    for (const address of [
      '/sportello',
      '/sportello/',
      '/sportello/segnalazioni/abc123',
      '/sportello/le-mie-segnalazioni/xyz',
      '/sportello/accesso?confermato=1',
    ]) {
      const response = await app.http().get(address).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<div class="it-brand-title">Comune di Prova &amp; &lt;Dintorni&gt;</div>');
      expect(response.text).not.toContain('%MUNICIPALITY%');
      expect(response.text).toMatch(/<script type="module" src="\/sportello\/assets\/app-\w+\.js"><\/script>/);
    }
    const first = await app.http().get('/sportello/segnala').expect(200);
    await app.http().get('/sportello/segnala').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('serves the hashed assets as immutable, with their types, compressed for browsers that accept it', async () => {
    const script = assetPath(/src="(\/sportello\/assets\/app-\w+\.js)"/);
    const stylesheet = assetPath(/href="(\/sportello\/assets\/app-\w+\.css)"/);
    const sprites = assetPath(/href="(\/sportello\/assets\/sprites-\w+\.svg)#/);
    const css = fs.readFileSync(path.join(PORTAL_DIR, stylesheet.replace('/sportello/', '')), 'utf8');
    const font = /url\("?(\/sportello\/assets\/titillium-web-[\w-]+\.woff2)"?\)/.exec(css)?.[1];
    expect(font).toBeDefined();

    const types: [string, RegExp][] = [
      [script, /^(application|text)\/javascript/],
      [stylesheet, /^text\/css/],
      [sprites, /^image\/svg\+xml/],
      [font as string, /^font\/woff2/],
    ];
    for (const [address, type] of types) {
      const response = await app.http().get(address).set('Accept-Encoding', 'identity').expect(200);
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(Number(response.headers['content-length'])).toBe(fs.statSync(path.join(PORTAL_DIR, address.replace('/sportello/', ''))).size);
    }

    const brotli = await app.http().get(script).set('Accept-Encoding', 'gzip, br').expect(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotli.text).toContain('/api/segnalazioni/reports');
    const gzip = await app.http().get(stylesheet).set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
  });

  it('answers 404 for a missing asset, and never serves a file outside the portal’s assets', async () => {
    await app.http().get('/sportello/assets/app-MISSING.js').expect(404);
    await app.http().get('/sportello/assets/index.html').expect(404);
    await app.http().get('/sportello/assets/..%2F..%2F..%2Fpackage.json').expect(404);
    await app.http().get('/sportello/assets/%2e%2e%2findex.html').expect(404);
    await app.http().get('/sportello/assets/%E0%A4%A').expect(404);

    const server = app.strapi.server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    for (const attempt of ['/sportello/assets/../../../package.json', '/sportello/assets/../index.html', '/sportello/assets/..\\..\\package.json']) {
      const response = await rawGet(port, attempt);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('"name": "sportello-segnalazioni"');
    }
  });

  it('leaves other requests alone: the APIs answer as before, a POST gets no page', async () => {
    await app.http().get('/api/segnalazioni/categories').expect(200);
    const posted = await app.http().post('/sportello/segnala');
    expect(posted.status).toBe(405);
    expect(posted.text).not.toContain('<!doctype html>');
  });
});
