'use strict';
// A second Strapi server on the same database, in its own process, as in a deployment with two
// instances. Boots from dist/ with the environment it is given, serves HTTP on a free loopback port,
// says "ready <port>", then "sent N" after each mail it sends. Strapi stops itself on SIGTERM.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { portOf } = require('../../scripts/lib/port');

const root = path.resolve(__dirname, '../..');

(async () => {
  const strapi = createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve(undefined)));
  const email = strapi.plugin('email').service('email');
  const send = email.send.bind(email);
  let sent = 0;
  /** @param {unknown} options the mail, as the email service takes it */
  email.send = async (options) => {
    await send(options);
    sent += 1;
    process.stdout.write(`sent ${sent}\n`);
  };
  process.stdout.write(`ready ${portOf(strapi.server.httpServer)}\n`);
})().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
