'use strict';
/**
 * A real SMTP server on loopback that accepts every message and keeps it parsed in memory.
 * The local mail catcher (`npm run mail`) and the test suite both receive mail through it.
 */
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');
const { portOf } = require('./port');

/**
 * @typedef {object} ReceivedMail
 * @property {number} id
 * @property {string} from
 * @property {string[]} to envelope recipients, lower case
 * @property {string} toHeader
 * @property {string} subject
 * @property {string} text
 * @property {string} html
 * @property {Record<string, string>} headers
 * @property {Date} receivedAt
 */

/**
 * @param {{ host?: string, port?: number, maxMessages?: number, delayMs?: number, onMail?: (mail: ReceivedMail) => void }} [options]
 *   `delayMs` makes the server take that long to accept each message, as a slow relay does.
 */
async function startMailReceiver({ host = '127.0.0.1', port = 0, maxMessages = 500, delayMs = 0, onMail } = {}) {
  /** @type {ReceivedMail[]} */
  const messages = [];
  /** @type {Array<() => void>} */
  let waiters = [];
  let nextId = 1;
  let boundPort = port;

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 40 * 1024 * 1024,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'anyone' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const toField = Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : [];
          /** @type {ReceivedMail} */
          const mail = {
            id: nextId++,
            from: parsed.from ? parsed.from.text : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            toHeader: toField.map((address) => address.text).join(', '),
            subject: parsed.subject || '',
            text: parsed.text || '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: Object.fromEntries([...parsed.headers].map(([key, value]) => [key, String(value)])),
            receivedAt: new Date(),
          };
          messages.push(mail);
          if (messages.length > maxMessages) messages.shift();
          if (onMail) onMail(mail);
          const pending = waiters;
          waiters = [];
          pending.forEach((wake) => wake());
          setTimeout(callback, delayMs);
        })
        .catch(callback);
    },
  });

  const listen = () =>
    new Promise((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(boundPort, host, () => {
        server.server.off('error', reject);
        boundPort = portOf(server.server);
        resolve(undefined);
      });
    });

  await listen();

  return {
    host,
    get port() {
      return boundPort;
    },
    messages,
    /** Mails addressed to `address` (envelope recipient), oldest first. */
    to(address) {
      return messages.filter((mail) => mail.to.includes(address.toLowerCase()));
    },
    clear() {
      messages.length = 0;
    },
    /**
     * Resolves with the mails matching `predicate` once there are `count` of them.
     * @param {(mail: ReceivedMail) => boolean} predicate
     */
    async waitFor(predicate, { count = 1, timeoutMs = 10000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.filter(predicate);
        if (found.length >= count) return found;
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(`Expected ${count} mail(s), got ${found.length} within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve(undefined);
          });
        });
      }
    },
    /** Stops accepting connections, as an SMTP outage does; `resume()` listens on the same port again. */
    pause() {
      return new Promise((resolve) => server.server.close(() => resolve(undefined)));
    },
    resume: listen,
    close() {
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

module.exports = { startMailReceiver };
