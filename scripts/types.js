#!/usr/bin/env node
'use strict';
/**
 * The content types' TypeScript in `types/generated`, written by `strapi ts:generate-types` from the
 * schemas and kept in the repository: the server's typed rows (common/rows.ts) are read from it.
 *
 *   node scripts/types.js           writes them again (after changing a schema.json)
 *   node scripts/types.js --check   writes them to a scratch folder and fails if the committed ones differ
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { SECRETS, secretValue } = require('./ensure-env');

const ROOT = path.join(__dirname, '..');
const COMMITTED = path.join(ROOT, 'types', 'generated');
const STRAPI_BIN = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');

/** Writes the types under `<outDir>/generated`, `outDir` being relative to the project (Strapi's rule). */
function generate(outDir) {
  // Strapi loads the app's configuration to read the schemas, and that wants its secrets: any will do.
  const secrets = Object.fromEntries(SECRETS.map((name) => [name, process.env[name] || secretValue(name)]));
  execFileSync(process.execPath, [STRAPI_BIN, 'ts:generate-types', '--silent', '--out-dir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ...secrets, STRAPI_TELEMETRY_DISABLED: 'true' },
    stdio: 'inherit',
  });
}

const filesOf = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** The names of the files that differ between the two folders (or are in only one). */
function differences(expected, actual) {
  const names = [...new Set([...filesOf(expected), ...filesOf(actual)])].sort();
  const read = (dir, name) => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), 'utf8') : null);
  return names.filter((name) => read(expected, name) !== read(actual, name));
}

function main() {
  if (!process.argv.includes('--check')) {
    generate('types');
    return;
  }
  const scratch = path.join('.tmp', 'types-check');
  fs.rmSync(path.join(ROOT, scratch), { recursive: true, force: true });
  generate(scratch);
  const stale = differences(path.join(ROOT, scratch, 'generated'), COMMITTED);
  if (stale.length > 0) {
    console.error(`types/generated is not what the schemas give (${stale.join(', ')}): run \`npm run types:generate\` and commit the result.`);
    process.exit(1);
  }
  console.log('types/generated matches the schemas.');
}

main();
