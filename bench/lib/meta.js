'use strict';
/**
 * Meta for the benchmarks, in plain JS (tests/helpers/graph-api.ts is TypeScript the build does not
 * compile): a Graph API stand-in on loopback that answers and fails in Meta's formats, and WhatsApp
 * webhook deliveries (scripts/lib/meta-payloads.js, as the tests send them) signed as Meta signs them.
 */
const { createHash, randomBytes } = require('crypto');
const http = require('http');
const { portOf } = require('../../scripts/lib/port');
const { PHONE_NUMBER_ID, sign: signWith, waDelivery, waMessage } = require('../../scripts/lib/meta-payloads');

const META = {
  appSecret: 'bench-meta-app-secret',
  whatsappToken: 'bench-whatsapp-token',
  phoneNumberId: PHONE_NUMBER_ID,
  whatsappVerifyToken: 'verifica-whatsapp',
};

/** The server environment that turns the WhatsApp channel on against the stand-in. */
const whatsappEnv = (graphApiUrl) => ({
  GRAPH_API_URL: graphApiUrl,
  GRAPH_API_VERSION: 'v25.0',
  META_APP_SECRET: META.appSecret,
  WHATSAPP_ACCESS_TOKEN: META.whatsappToken,
  WHATSAPP_PHONE_NUMBER_ID: META.phoneNumberId,
  WHATSAPP_VERIFY_TOKEN: META.whatsappVerifyToken,
});

const metaError = (message, code, extra = {}) => ({
  error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: randomBytes(8).toString('base64url') },
});

/**
 * Meta's answers in an outage: its own temporary downtime (500, code 2) and throughput reached (400, code 130429), in turn.
 * @type {[status: number, error: () => object][]}
 */
const OUTAGE = [
  [500, () => metaError('An unexpected error has occurred. Please retry your request later.', 2, { is_transient: true })],
  [
    400,
    () =>
      metaError('(#130429) Rate limit hit', 130429, {
        error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
      }),
  ],
];

/**
 * The Graph API endpoints WhatsApp uses: GET /{media-id}, the media download, POST /{phone-id}/messages.
 * While `failing` is set every call with a token answers an outage error.
 */
async function startGraphApi() {
  const requests = [];
  const media = new Map();
  let failing = false;
  let counter = 0;
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      let body = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      const answer = (status, payload, type = 'application/json') => {
        requests.push({ method: req.method, path: url.pathname, body, status, at: Date.now() });
        res.writeHead(status, { 'content-type': type });
        res.end(Buffer.isBuffer(payload) ? payload : JSON.stringify(payload));
      };
      if (req.headers.authorization !== `Bearer ${META.whatsappToken}`)
        return answer(401, metaError('Invalid OAuth access token - Cannot parse access token', 190));
      if (failing) {
        const [status, error] = OUTAGE[counter++ % OUTAGE.length];
        return answer(status, error());
      }
      const download = /^\/media-download\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && download) {
        const item = media.get(download[1]);
        return item ? answer(200, item.bytes, item.mimeType) : answer(404, metaError('Media not found', 100));
      }
      const [, , objectId, edge] = url.pathname.split('/');
      if (req.method === 'GET' && objectId && !edge) {
        const item = media.get(objectId);
        if (!item) return answer(400, metaError(`Unsupported get request. Object with ID '${objectId}' does not exist`, 100, { error_subcode: 33 }));
        return answer(200, {
          messaging_product: 'whatsapp',
          url: `${base}/media-download/${objectId}`,
          mime_type: item.mimeType,
          sha256: createHash('sha256').update(item.bytes).digest('hex'),
          file_size: item.bytes.length,
          id: objectId,
        });
      }
      if (req.method === 'POST' && edge === 'messages') {
        const to = String(body?.to ?? '');
        return answer(200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.OUT${++counter}` }] });
      }
      return answer(400, metaError('Unknown path components', 2500));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  base = `http://127.0.0.1:${portOf(server)}`;

  return {
    url: base,
    requests,
    setFailing(value) {
      failing = value;
    },
    addMedia(id, bytes, mimeType) {
      media.set(id, { bytes, mimeType });
    },
    /** Text messages Meta accepted: recipient and text. */
    whatsappSent: () =>
      requests
        .filter((request) => request.method === 'POST' && request.status === 200 && request.path.endsWith('/messages'))
        .map((request) => ({ to: String(request.body?.to), text: String(request.body?.text?.body ?? '') })),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

const sign = (/** @type {string} */ body) => signWith(body, META.appSecret);

/** POSTs a delivery to the webhook as Meta does: JSON with the X-Hub-Signature-256 of its bytes. */
function deliver(serverUrl, payload) {
  const body = JSON.stringify(payload);
  return fetch(`${serverUrl}/api/segnalazioni/channels/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
    body,
    signal: AbortSignal.timeout(120000),
  });
}

module.exports = { deliver, startGraphApi, waDelivery, waMessage, whatsappEnv };
