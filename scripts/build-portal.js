#!/usr/bin/env node
'use strict';
/**
 * Builds the citizen portal (portal/) into build/portal: the TypeScript and CSS bundled by esbuild
 * under assets/ with content hashes in their names (served as immutable), fonts and icons likewise,
 * and index.html pointing at them (served as no-cache). The server answers /sportello/… from there.
 */
const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const PORTAL_DIR = path.join(root, 'build', 'portal');
/** Everything the bundle is made of: a change in any of them makes the build stale. */
/**
 * The server's domain folders, one per capability: the portal and the panel import their rules.
 * @returns {string[]}
 */
function domainFolders() {
  /** @type {string[]} */
  const found = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (entry.name === 'domain') found.push(`${dir}/domain`);
      else walk(`${dir}/${entry.name}`);
    }
  };
  walk('plugins/segnalazioni/server/src');
  return found;
}

const SOURCES = ['portal', ...domainFolders(), 'package-lock.json', 'scripts/build-portal.js'];
const SPRITES = 'node_modules/bootstrap-italia/dist/svg/sprites.svg';

/**
 * The latest change time in a file or folder tree.
 * @param {string} target
 * @returns {number}
 */
function newest(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

function isStale() {
  const built = path.join(PORTAL_DIR, 'index.html');
  return !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...SOURCES.map((source) => newest(path.join(root, source))));
}

async function buildPortal() {
  const started = Date.now();
  // Built beside the live folder and swapped in at the end, so a running server never serves half a build.
  const staging = `${PORTAL_DIR}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: 'portal/src/main.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    outdir: path.join(staging, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    publicPath: '/sportello/assets',
    loader: { '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });

  const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => ({ file: path.join(root, file), ...output }));
  const script = outputs.find((output) => output.entryPoint === 'portal/src/main.ts');
  const stylesheet = outputs.find((output) => output.file === path.join(root, script?.cssBundle ?? ''));
  const sprites = outputs.find((output) => Object.keys(output.inputs).includes(SPRITES));
  if (!script || !stylesheet || !sprites) throw new Error('The portal build is missing its script, stylesheet or icons');

  /** @param {{ file: string }} output */
  const publicPath = (output) => `/sportello/${path.relative(staging, output.file).split(path.sep).join('/')}`;
  // %MUNICIPALITY%, %ACCESSIBILITY_URL% and %MAP% stay: the server fills them in from its configuration.
  const html = fs
    .readFileSync(path.join(root, 'portal/index.html'), 'utf8')
    .replaceAll('%SCRIPT%', publicPath(script))
    .replaceAll('%STYLESHEET%', publicPath(stylesheet))
    .replaceAll('%SPRITES%', publicPath(sprites));
  fs.writeFileSync(path.join(staging, 'index.html'), html);

  // Compressed copies of the text assets, sent to browsers that accept them.
  for (const output of outputs.filter((candidate) => /\.(js|css|svg)$/.test(candidate.file))) {
    const bytes = fs.readFileSync(output.file);
    fs.writeFileSync(`${output.file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    fs.writeFileSync(`${output.file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  }

  const previous = `${staging}.old`;
  if (fs.existsSync(PORTAL_DIR)) fs.renameSync(PORTAL_DIR, previous);
  fs.renameSync(staging, PORTAL_DIR);
  fs.rmSync(previous, { recursive: true, force: true });

  /** @param {string} file */
  const size = (file) => `${(fs.statSync(path.join(PORTAL_DIR, path.relative(staging, file))).size / 1024).toFixed(1)} kB`;
  return {
    ms: Date.now() - started,
    summary: [script, stylesheet].map(({ file }) => `${path.basename(file)} ${size(file)} (brotli ${size(`${file}.br`)})`).join(', '),
  };
}

/** Builds only when a source changed since the last build (for the test setup). */
async function ensurePortal() {
  if (!isStale()) return null;
  return buildPortal();
}

module.exports = { PORTAL_DIR, buildPortal, domainFolders, ensurePortal, newest };

if (require.main === module) {
  buildPortal()
    .then(({ ms, summary }) => console.log(`Built the citizen portal in ${ms} ms: ${summary}`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
