'use strict';
// The server is TypeScript compiled with the app (root tsconfig.json): load the compiled entry.
module.exports = require('../../dist/plugins/segnalazioni/server/src').default;
