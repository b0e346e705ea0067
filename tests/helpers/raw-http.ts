import net from 'net';
import type { Server } from 'http';

/**
 * HTTP over a bare TCP socket: the request line and headers go out exactly as written, where
 * fetch and supertest would normalise the path (dot segments, escapes, doubled slashes) first.
 */

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** The address of `server`, listening on loopback (started on a free port if it is not yet). */
export async function loopbackAddress(server: Server): Promise<{ host: string; port: number }> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { host: '127.0.0.1', port };
}

function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) return Buffer.concat(parts);
    const size = parseInt(raw.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

export function parseResponse(raw: Buffer, method: string): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) throw new Error(`No complete response head in ${raw.length} bytes: ${raw.toString('latin1').slice(0, 200)}`);
  const [statusLine, ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = method === 'HEAD' ? Buffer.alloc(0) : raw.subarray(headEnd + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? decodeChunked(rest) : rest;
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

export interface RawRequest {
  readonly method: string;
  /** The request target, sent byte for byte. */
  readonly target: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Written after the head, piece by piece (each piece is one write, after a short pause). */
  readonly body?: readonly Buffer[];
}

/** Sends one request on a fresh connection (`Connection: close`) and reads the whole answer. */
export async function rawRequest(address: { host: string; port: number }, request: RawRequest): Promise<RawResponse> {
  const head = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${address.host}:${address.port}`, 'Connection: close'];
  for (const [name, value] of Object.entries(request.headers ?? {})) head.push(`${name}: ${value}`);
  const socket = net.connect(address.port, address.host);
  const received: Buffer[] = [];
  const closed = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('end', resolve);
    socket.on('close', () => resolve());
    // The server may answer and close while the body is still being written (a refused upload).
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve() : reject(error)));
  });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(`${head.join('\r\n')}\r\n\r\n`);
  for (const piece of request.body ?? []) {
    if (socket.destroyed || socket.writableEnded) break;
    await new Promise<void>((resolve) => socket.write(piece, () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await closed;
  return parseResponse(Buffer.concat(received), request.method);
}
