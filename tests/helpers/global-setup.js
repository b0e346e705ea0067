'use strict';
// Compiles the app and the plugin once for the whole run; each test file then boots from dist/.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '../..');
  const started = Date.now();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.stdout.write(`\nCompiled the server in ${Date.now() - started} ms\n`);
};
