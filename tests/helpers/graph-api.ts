import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';

/**
 * A stand-in for Meta's Graph API on loopback: the endpoints the channels call, in Meta's formats,
 * checking the bearer token, recording every request, and able to fail on demand as Meta does.
 */

export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: Record<string, unknown> | null;
  /** What the stand-in answered. */
  readonly status: number;
}

interface Media {
  readonly bytes: Buffer;
  readonly mimeType: string;
  /** What GET /{media-id} declares; the real size unless told otherwise (`null`: not declared). */
  readonly declaredSize: number | null;
}

export interface GraphStandIn {
  readonly url: string;
  readonly requests: GraphRequest[];
  /** Text messages sent on WhatsApp that Meta accepted: recipient and text. */
  whatsappSent(): { to: string; text: string }[];
  /** Template messages sent on WhatsApp that Meta accepted: recipient, template and its body parameters. */
  templatesSent(): { to: string; name: string; language: string; parameters: string[] }[];
  /** Comments posted on Facebook that Meta accepted: under which object, and the text. */
  commentsPosted(): { on: string; text: string }[];
  addMedia(id: string, bytes: Buffer, mimeType: string, declaredSize?: number | null): void;
  /**
   * The next `count` calls of this kind fail as Meta does: `transient` 500, `throttled` (400, code
   * 130429: throughput reached), or `re-engagement` (400, code 131047: free text after 24 hours).
   */
  failNext(count: number, kind?: 'send' | 'media', error?: keyof typeof FAILURES): void;
  /** Polls `read` until it returns at least `count` items. */
  waitFor<T>(read: () => T[] | Promise<T[]>, count?: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

const metaError = (message: string, code: number, extra: Record<string, unknown> = {}) => ({
  error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: crypto.randomBytes(8).toString('base64url') },
});

const FAILURES = {
  transient: [500, () => metaError('An unexpected error has occurred. Please retry your request later.', 2, { is_transient: true })],
  throttled: [
    400,
    () =>
      metaError('(#130429) Rate limit hit', 130429, {
        error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
      }),
  ],
  're-engagement': [
    400,
    () =>
      metaError('(#131047) Re-engagement message', 131047, {
        error_data: {
          messaging_product: 'whatsapp',
          details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
      }),
  ],
} as const satisfies Record<string, readonly [number, () => unknown]>;

export async function startGraphApi({ tokens }: { tokens: readonly string[] }): Promise<GraphStandIn> {
  const requests: GraphRequest[] = [];
  const media = new Map<string, Media>();
  const failures = { send: 0, media: 0 };
  let failure: keyof typeof FAILURES = 'transient';
  let counter = 0;
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const text = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> | null = null;
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        body = null;
      }
      const answer = (status: number, payload: unknown, type = 'application/json') => {
        requests.push({ method: req.method ?? '', path: url.pathname, authorization: req.headers.authorization, body, status });
        res.writeHead(status, { 'content-type': type });
        res.end(Buffer.isBuffer(payload) ? payload : JSON.stringify(payload));
      };

      // Meta's CDN serves a Facebook photo's images by their signed address, without a token.
      const cdn = /^\/photo-cdn\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && cdn) {
        const item = media.get(cdn[1]);
        return item ? answer(200, item.bytes, item.mimeType) : answer(404, 'Not found', 'text/plain');
      }

      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !tokens.includes(token)) return answer(401, metaError('Invalid OAuth access token - Cannot parse access token', 190));

      const download = /^\/media-download\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && download) {
        const item = media.get(download[1]);
        return item ? answer(200, item.bytes, item.mimeType) : answer(404, metaError('Media not found', 100));
      }
      const [, , objectId, edge] = url.pathname.split('/');
      const kind = req.method === 'GET' ? 'media' : 'send';
      if (failures[kind] > 0) {
        failures[kind] -= 1;
        const [status, error] = FAILURES[failure];
        return answer(status, error());
      }
      if (req.method === 'GET' && objectId && !edge) {
        const item = media.get(objectId);
        if (!item) return answer(400, metaError(`Unsupported get request. Object with ID '${objectId}' does not exist`, 100, { error_subcode: 33 }));
        if (url.searchParams.get('fields') === 'images') {
          // A Facebook photo: its images in several sizes, the largest not first.
          return answer(200, {
            images: [
              { height: 130, width: 173, source: `${base}/photo-cdn/${objectId}-small` },
              { height: 720, width: 960, source: `${base}/photo-cdn/${objectId}` },
            ],
            id: objectId,
          });
        }
        return answer(200, {
          messaging_product: 'whatsapp',
          url: `${base}/media-download/${objectId}`,
          mime_type: item.mimeType,
          sha256: crypto.createHash('sha256').update(item.bytes).digest('hex'),
          ...(item.declaredSize === null ? {} : { file_size: item.declaredSize }),
          id: objectId,
        });
      }
      if (req.method === 'POST' && edge === 'messages') {
        const to = String(body?.to ?? '');
        return answer(200, { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.OUT${++counter}` }] });
      }
      if (req.method === 'POST' && edge === 'comments') return answer(200, { id: `${objectId}_${++counter}` });
      return answer(400, metaError('Unknown path components', 2500));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const accepted = (edge: string) => requests.filter((request) => request.method === 'POST' && request.status === 200 && request.path.endsWith(`/${edge}`));

  return {
    url: base,
    requests,
    whatsappSent: () =>
      accepted('messages')
        .filter((request) => request.body?.type === 'text')
        .map((request) => ({ to: String(request.body?.to), text: String((request.body?.text as { body?: string } | undefined)?.body) })),
    templatesSent: () =>
      accepted('messages')
        .filter((request) => request.body?.type === 'template')
        .map((request) => {
          const template = request.body?.template as { name: string; language: { code: string }; components: { parameters: { text: string }[] }[] };
          return {
            to: String(request.body?.to),
            name: template.name,
            language: template.language.code,
            parameters: template.components[0].parameters.map((parameter) => parameter.text),
          };
        }),
    commentsPosted: () => accepted('comments').map((request) => ({ on: request.path.split('/')[2], text: String(request.body?.message) })),
    addMedia(id, bytes, mimeType, declaredSize) {
      media.set(id, { bytes, mimeType, declaredSize: declaredSize === undefined ? bytes.length : declaredSize });
    },
    failNext(count, kind = 'send', error = 'transient') {
      failures[kind] = count;
      failure = error;
    },
    async waitFor(read, count = 1, timeoutMs = 10000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await read();
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`Expected ${count}, saw ${found.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
