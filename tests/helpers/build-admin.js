'use strict';
// Browser tests need the built admin panel: build it (≈45 s) unless dist/build is newer than every
// admin source, then compile the server as the other projects do. The citizen portal likewise (≈2 s).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const compileServer = require('./global-setup');
const { domainFolders, ensurePortal, newest } = require('../../scripts/build-portal');

const root = path.resolve(__dirname, '../..');
const SOURCES = ['src/admin', 'plugins/segnalazioni/admin/src', ...domainFolders(), 'package-lock.json'];

module.exports = async () => {
  const portal = await ensurePortal();
  if (portal) process.stdout.write(`\nBuilt the citizen portal in ${portal.ms} ms: ${portal.summary}\n`);
  const built = path.join(root, 'dist/build/index.html');
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...SOURCES.map((source) => newest(path.join(root, source))));
  if (stale) {
    const started = Date.now();
    execFileSync(process.execPath, [path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js'), 'build'], { cwd: root, stdio: 'inherit' });
    process.stdout.write(`\nBuilt the admin panel in ${Date.now() - started} ms\n`);
  } else {
    await compileServer();
  }
};
