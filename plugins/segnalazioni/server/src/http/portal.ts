import { createHash } from 'crypto';
import { createReadStream, promises as fs } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { escapeHtml } from '../common/domain/html';
import { PORTAL_PATH } from '../common/domain/links';
import { configuredMap } from '../places/configured-map';

/**
 * Serves the citizen portal, built by `scripts/build-portal.js` into build/portal, at /sportello.
 * Files under /sportello/assets/ have content hashes in their names: served as immutable, or 404.
 * Every other /sportello/… address is a page of the portal — links in mails and bookmarks open
 * there — and gets index.html, revalidated on each visit, with the municipality's name, its
 * accessibility statement and the maps' settings filled in.
 */

export interface PortalConfig {
  /** The municipality's name in the portal's header, footer and titles. */
  readonly municipality?: string;
  /** The municipality's accessibility statement (on AGID's form); empty: the portal's own page. */
  readonly accessibilityUrl?: string;
}

const MOUNT = PORTAL_PATH;
const ASSETS = `${MOUNT}/assets/`;
/** The build writes assets flat, with plain names: anything else (a slash, `..`, a NUL) is none of them. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)+$/;
const ENCODINGS = [
  { name: 'br', extension: '.br' },
  { name: 'gzip', extension: '.gz' },
] as const;

async function fileStat(file: string) {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

function notFound(ctx: Context): void {
  ctx.status = 404;
  ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } };
}

export default (config: PortalConfig, { strapi }: { strapi: Core.Strapi }) => {
  const root = path.join(strapi.dirs.app.root, 'build', 'portal');
  const municipality = escapeHtml(config.municipality?.trim() || 'Comune');
  const accessibilityUrl = escapeHtml(config.accessibilityUrl?.trim() || `${MOUNT}/accessibilita`);
  let page: { readonly builtAt: number; readonly map: string; readonly html: string; readonly etag: string } | null = null;

  /** The settings are read on each visit (a test or an operator may change them live); the page is remade when they change. */
  const mapSettings = () => JSON.stringify(configuredMap(strapi));

  /** index.html with the name and the map filled in, read again only after a new build. */
  async function indexPage() {
    const stat = await fileStat(path.join(root, 'index.html'));
    if (!stat) return null;
    const map = mapSettings();
    if (page?.builtAt !== stat.mtimeMs || page.map !== map) {
      const html = (await fs.readFile(path.join(root, 'index.html'), 'utf8'))
        .replaceAll('%MUNICIPALITY%', municipality)
        .replaceAll('%ACCESSIBILITY_URL%', accessibilityUrl)
        .replaceAll('%MAP%', escapeHtml(map));
      page = { builtAt: stat.mtimeMs, map, html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
    }
    return page;
  }

  async function serveAsset(ctx: Context): Promise<void> {
    let name: string;
    try {
      name = decodeURIComponent(ctx.path.slice(ASSETS.length));
    } catch {
      return notFound(ctx);
    }
    if (!ASSET_NAME.test(name)) return notFound(ctx);
    const file = path.join(root, 'assets', name);
    const stat = await fileStat(file);
    if (!stat) return notFound(ctx);

    // The build keeps compressed copies of the text assets beside them; brotli first, being smaller.
    ctx.vary('Accept-Encoding');
    const encoding = ENCODINGS.find((candidate) => ctx.acceptsEncodings(candidate.name, 'identity') === candidate.name);
    const compressed = encoding ? await fileStat(file + encoding.extension) : null;

    ctx.type = path.extname(name);
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.lastModified = stat.mtime;
    if (encoding && compressed) {
      ctx.set('Content-Encoding', encoding.name);
      ctx.length = compressed.size;
      ctx.body = createReadStream(file + encoding.extension);
    } else {
      ctx.length = stat.size;
      ctx.body = createReadStream(file);
    }
  }

  async function serveIndex(ctx: Context): Promise<void> {
    const index = await indexPage();
    if (!index) {
      ctx.status = 503;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Il portale non è ancora stato compilato: eseguire «npm run build».';
      return;
    }
    ctx.status = 200;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.etag = index.etag;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.body = index.html;
  }

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path !== MOUNT && !ctx.path.startsWith(`${MOUNT}/`)) return next();
    return ctx.path.startsWith(ASSETS) ? serveAsset(ctx) : serveIndex(ctx);
  };
};
