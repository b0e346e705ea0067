import { describeMultipartError, describeParserError, findForbiddenKey, photoUploadLimits } from './request-body';

describe('photoUploadLimits', () => {
  it('takes every photo at its largest, the report JSON and the parts around them, and no more', () => {
    const limits = photoUploadLimits({ maxPhotos: 5, maxBytes: 10 * 1024 * 1024 });
    expect(limits.maxFileBytes).toBe(50 * 1024 * 1024);
    expect(limits.maxFiles).toBe(10);
    expect(limits.maxRequestBytes).toBeGreaterThan(limits.maxFileBytes + limits.maxFieldBytes);
    expect(limits.maxRequestBytes).toBeLessThan(limits.maxFileBytes + 2 * limits.maxFieldBytes);
  });
});

describe('findForbiddenKey', () => {
  it('finds prototype keys at any depth, in objects and arrays', () => {
    expect(findForbiddenKey(JSON.parse('{"a": {"b": [{"__proto__": {}}]}}'))).toBe('a.b.0.__proto__');
    expect(findForbiddenKey({ data: { constructor: 'x' } })).toBe('data.constructor');
    expect(findForbiddenKey({ data: { prototype: 1 } })).toBe('data.prototype');
  });

  it('lets ordinary bodies and non-objects through', () => {
    expect(findForbiddenKey({ data: { title: 'constructor', tags: ['__proto__'] } })).toBeNull();
    expect(findForbiddenKey('text')).toBeNull();
    expect(findForbiddenKey(undefined)).toBeNull();
  });

  it('walks a very deep body without overflowing the stack', () => {
    let deep: Record<string, unknown> = { constructor: 1 };
    for (let level = 0; level < 100_000; level++) deep = { a: deep };
    expect(findForbiddenKey(deep)).toMatch(/\.constructor$/);
  });
});

describe('describeParserError', () => {
  const httpError = (status: number, type: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('English text'), { status, type, ...extra });

  it('tells malformed JSON and prototype keys apart', () => {
    expect(describeParserError(Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400 }))).toMatchObject({
      status: 400,
      details: { reason: 'invalidJson' },
    });
    expect(describeParserError(Object.assign(new SyntaxError('Object contains forbidden prototype property'), { status: 400 }))).toMatchObject({
      status: 400,
      details: { reason: 'forbiddenKey' },
    });
  });

  it.each([
    ['entity.too.large', 413, 413, 'tooLarge'],
    ['request.aborted', 400, 400, 'aborted'],
    ['request.size.invalid', 400, 400, 'sizeMismatch'],
    ['encoding.unsupported', 415, 415, 'encodingUnsupported'],
    ['charset.unsupported', 415, 415, 'charsetUnsupported'],
  ] as const)('%s → %i', (type, thrown, status, reason) => {
    const problem = describeParserError(httpError(thrown, type, { limit: 1048576 }));
    expect(problem).toMatchObject({ status, details: { reason } });
    expect(problem?.message).not.toMatch(/English/);
  });

  it('leaves errors that are not the parser’s to the error middleware', () => {
    expect(describeParserError(new Error('database down'))).toBeNull();
    expect(describeParserError(httpError(500, 'stream.not.readable'))).toBeNull();
  });
});

describe('describeMultipartError', () => {
  const limits = photoUploadLimits({ maxPhotos: 5, maxBytes: 1024 });
  const formidableError = (code: number, httpCode: number) => Object.assign(new Error('English text'), { code, httpCode });

  it('says 413 for every size limit and 400 for a malformed body', () => {
    expect(describeMultipartError(formidableError(1009, 413), limits)).toMatchObject({ status: 413, details: { reason: 'tooLarge' } });
    expect(describeMultipartError(formidableError(1006, 413), limits)).toMatchObject({ status: 413 });
    expect(describeMultipartError(formidableError(1012, 400), limits)).toMatchObject({ status: 400, details: { reason: 'malformedMultipart' } });
    expect(describeMultipartError(formidableError(1013, 400), limits)).toMatchObject({ status: 400, details: { reason: 'malformedMultipart' } });
    expect(describeMultipartError(formidableError(1002, 500), limits)).toMatchObject({ status: 400, details: { reason: 'aborted' } });
  });

  it('leaves other errors alone', () => {
    expect(describeMultipartError(new Error('disk full'), limits)).toBeNull();
  });
});
