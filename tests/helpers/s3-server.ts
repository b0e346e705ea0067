import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import http from 'http';
import { crc32 } from 'zlib';
import type { AddressInfo } from 'net';

/**
 * A small S3-compatible server on loopback, speaking S3's REST format as the AWS SDK v3 uses it
 * (path-style addresses): PutObject, GetObject and HeadObject (Range, If-None-Match,
 * If-Modified-Since), DeleteObject, multipart uploads, ListObjectsV2. Like S3 with ACLs on and no
 * bucket policy, it checks every request's Signature V4 (the Authorization header, or a presigned
 * query) and answers an anonymous GET or HEAD only for an object written `public-read`.
 */

export interface StoredObject {
  readonly body: Buffer;
  readonly contentType: string;
  /** The canned ACL it was written with (`x-amz-acl`); S3's default is private. */
  readonly acl: string;
  readonly etag: string;
  readonly lastModified: Date;
}

export interface FakeS3 {
  readonly endpoint: string;
  readonly bucket: string;
  /** The objects by key. */
  readonly objects: Map<string, StoredObject>;
  /** The variables that send the app's uploads here (.env.example). */
  readonly env: Record<string, string>;
  /** Answers every write of a key that `refuse` picks with a 503, as a store in trouble; null: none. */
  failWrites(refuse: ((key: string) => boolean) | null): void;
  /** The bucket's own URL of an object, as a browser given it would ask. */
  objectUrl(key: string): string;
  close(): Promise<void>;
}

const ACCESS_KEY_ID = 'TESTACCESSKEY';
const SECRET_ACCESS_KEY = 'test-secret-access-key';
const REGION = 'eu-south-1';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding, as Signature V4 wants it. */
const uriEncode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

const xmlEscape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The query as sent, decoded, in order. */
function queryPairs(rawQuery: string): Array<[string, string]> {
  if (!rawQuery) return [];
  return rawQuery.split('&').map((pair) => {
    const [key, value = ''] = pair.split('=');
    return [decodeURIComponent(key.replace(/\+/g, '%20')), decodeURIComponent(value.replace(/\+/g, '%20'))];
  });
}

function canonicalQuery(pairs: ReadonlyArray<[string, string]>): string {
  return pairs
    .map(([key, value]) => [uriEncode(key), uriEncode(value)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function signature(
  request: http.IncomingMessage,
  path: string,
  query: string,
  signedHeaders: string,
  payloadHash: string,
  amzDate: string,
  scope: string,
): string {
  const headers = signedHeaders
    .split(';')
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [request.method, path, query, headers, signedHeaders, payloadHash].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const [date, region, service] = scope.split('/');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET_ACCESS_KEY}`, date), region), service), 'aws4_request');
  return hmac(key, stringToSign).toString('hex');
}

const sameSignature = (expected: string, given: string) => expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given));

/** Whether the request is signed (and by our key): true; anonymous: false; a bad signature throws. */
function authenticate(request: http.IncomingMessage, path: string, pairs: ReadonlyArray<[string, string]>): boolean {
  const authorization = request.headers.authorization;
  const params = new Map(pairs);
  if (authorization) {
    const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(authorization);
    if (!match || match[1] !== ACCESS_KEY_ID) throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS access key Id you provided does not exist in our records.');
    const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
    const expected = signature(request, path, canonicalQuery(pairs), match[3], payloadHash, String(request.headers['x-amz-date'] ?? ''), match[2]);
    if (!sameSignature(expected, match[4]))
      throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    return true;
  }
  const given = params.get('X-Amz-Signature');
  if (given === undefined) return false;
  const [accessKeyId, ...scope] = (params.get('X-Amz-Credential') ?? '').split('/');
  if (accessKeyId !== ACCESS_KEY_ID) throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS access key Id you provided does not exist in our records.');
  const amzDate = params.get('X-Amz-Date') ?? '';
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!(signedAt + Number(params.get('X-Amz-Expires')) * 1000 > Date.now())) throw new S3Error(403, 'AccessDenied', 'Request has expired');
  const unsigned = pairs.filter(([key]) => key !== 'X-Amz-Signature');
  const expected = signature(request, path, canonicalQuery(unsigned), params.get('X-Amz-SignedHeaders') ?? '', 'UNSIGNED-PAYLOAD', amzDate, scope.join('/'));
  if (!sameSignature(expected, given))
    throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  return true;
}

/** The payload of an `aws-chunked` body: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`… up to a 0 chunk and the trailers. */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) throw new S3Error(400, 'IncompleteBody', 'The chunked body ended early.');
    const size = parseInt(raw.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (!size) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const declared = String(request.headers['x-amz-content-sha256'] ?? '');
  const body = declared.startsWith('STREAMING-') || String(request.headers['content-encoding'] ?? '').includes('aws-chunked') ? decodeAwsChunked(raw) : raw;
  if (/^[0-9a-f]{64}$/.test(declared) && sha256(raw) !== declared) {
    throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const checksum = request.headers['x-amz-checksum-crc32'];
  if (checksum !== undefined) {
    const computed = Buffer.alloc(4);
    computed.writeUInt32BE(crc32(body));
    if (computed.toString('base64') !== checksum) throw new S3Error(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
  }
  return body;
}

/** The bytes a `Range: bytes=…` header asks of `size`, or null for the whole object. */
function rangeOf(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const range =
    match[1] === ''
      ? { start: Math.max(0, size - Number(match[2])), end: size - 1 }
      : { start: Number(match[1]), end: match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1) };
  if (range.start >= size || range.start > range.end) throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable');
  return range;
}

export async function startS3(bucket = 'sportello-foto'): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>();
  const uploads = new Map<string, { key: string; contentType: string; acl: string; parts: Map<number, Buffer> }>();
  let endpoint = '';
  let refuseWrite: ((key: string) => boolean) | null = null;

  const xml = (response: http.ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'Content-Type': 'application/xml' });
    response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  };

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const path = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
    const pairs = queryPairs(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));
    const query = new Map(pairs);
    const [, bucketName = '', ...keyParts] = path.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    if (bucketName !== bucket) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
    const signed = authenticate(request, path, pairs);
    const method = request.method ?? 'GET';
    const stored = objects.get(key);
    const anonymousRead = (method === 'GET' || method === 'HEAD') && stored?.acl === 'public-read';
    if (!signed && !anonymousRead) throw new S3Error(403, 'AccessDenied', 'Access Denied');
    const body = await readBody(request);
    if ((method === 'PUT' || method === 'POST') && refuseWrite?.(key)) throw new S3Error(503, 'SlowDown', 'Please reduce your request rate.');

    if (method === 'GET' && key === '' && query.get('list-type') === '2') {
      const contents = [...objects.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(
          ([name, object]) =>
            `<Contents><Key>${xmlEscape(name)}</Key><LastModified>${object.lastModified.toISOString()}</LastModified><ETag>"${object.etag}"</ETag><Size>${object.body.length}</Size></Contents>`,
        );
      return xml(
        response,
        200,
        `<ListBucketResult><Name>${bucket}</Name><KeyCount>${contents.length}</KeyCount><IsTruncated>false</IsTruncated>${contents.join('')}</ListBucketResult>`,
      );
    }
    if (key === '') throw new S3Error(501, 'NotImplemented', `${method} on the bucket is not implemented here`);

    if (method === 'PUT' && query.has('uploadId')) {
      const upload = uploads.get(query.get('uploadId') ?? '');
      if (!upload) throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
      upload.parts.set(Number(query.get('partNumber')), body);
      response.writeHead(200, { ETag: `"${createHash('md5').update(body).digest('hex')}"` });
      return void response.end();
    }
    if (method === 'PUT') {
      const etag = createHash('md5').update(body).digest('hex');
      objects.set(key, {
        body,
        contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'),
        acl: String(request.headers['x-amz-acl'] ?? 'private'),
        etag,
        lastModified: new Date(),
      });
      response.writeHead(200, { ETag: `"${etag}"` });
      return void response.end();
    }
    if (method === 'POST' && query.has('uploads')) {
      const uploadId = randomBytes(12).toString('hex');
      uploads.set(uploadId, {
        key,
        contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'),
        acl: String(request.headers['x-amz-acl'] ?? 'private'),
        parts: new Map(),
      });
      return xml(
        response,
        200,
        `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    if (method === 'POST' && query.has('uploadId')) {
      const uploadId = query.get('uploadId') ?? '';
      const upload = uploads.get(uploadId);
      if (!upload) throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
      const numbers = [...body.toString('utf8').matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((match) => Number(match[1]));
      const parts = numbers.map((number) => upload.parts.get(number) ?? Buffer.alloc(0));
      const whole = Buffer.concat(parts);
      const etag = `${createHash('md5').update(whole).digest('hex')}-${parts.length}`;
      objects.set(key, { body: whole, contentType: upload.contentType, acl: upload.acl, etag, lastModified: new Date() });
      uploads.delete(uploadId);
      return xml(
        response,
        200,
        `<CompleteMultipartUploadResult><Location>${endpoint}/${bucket}/${xmlEscape(key)}</Location><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><ETag>"${etag}"</ETag></CompleteMultipartUploadResult>`,
      );
    }
    if (method === 'DELETE') {
      if (query.has('uploadId')) uploads.delete(query.get('uploadId') ?? '');
      else objects.delete(key);
      response.writeHead(204);
      return void response.end();
    }
    if (method === 'GET' || method === 'HEAD') {
      if (!stored) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
      const notModified =
        request.headers['if-none-match'] === `"${stored.etag}"` ||
        (request.headers['if-modified-since'] !== undefined &&
          request.headers['if-none-match'] === undefined &&
          Math.floor(stored.lastModified.getTime() / 1000) <= Date.parse(request.headers['if-modified-since']) / 1000);
      const common = { ETag: `"${stored.etag}"`, 'Last-Modified': stored.lastModified.toUTCString(), 'Accept-Ranges': 'bytes' };
      if (notModified) {
        response.writeHead(304, common);
        return void response.end();
      }
      const range = rangeOf(request.headers.range, stored.body.length);
      const bytes = range ? stored.body.subarray(range.start, range.end + 1) : stored.body;
      response.writeHead(range ? 206 : 200, {
        ...common,
        'Content-Type': stored.contentType,
        'Content-Length': String(bytes.length),
        ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${stored.body.length}` } : {}),
      });
      return void response.end(method === 'HEAD' ? undefined : bytes);
    }
    throw new S3Error(501, 'NotImplemented', `${method} is not implemented here`);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const failure = error instanceof S3Error ? error : new S3Error(500, 'InternalError', String(error));
      // A HEAD answer has no body: the SDK reads the error from the status alone.
      if (request.method === 'HEAD') {
        response.writeHead(failure.status);
        return void response.end();
      }
      // The request's body may not have been read: drain it so the connection stays usable.
      request.resume();
      xml(response, failure.status, `<Error><Code>${failure.code}</Code><Message>${xmlEscape(failure.message)}</Message></Error>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    endpoint,
    bucket,
    objects,
    env: {
      UPLOAD_PROVIDER: 's3',
      S3_BUCKET: bucket,
      S3_REGION: REGION,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    },
    failWrites: (refuse) => {
      refuseWrite = refuse;
    },
    objectUrl: (key) => `${endpoint}/${bucket}/${key}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
