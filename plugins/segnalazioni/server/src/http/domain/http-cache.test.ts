import { archiveTag, conditionOf, deploymentStamp, finalCacheControl, NO_STORE, parseIfNoneMatch, publicArchiveCacheControl } from './http-cache';

const inputs = { versions: ['7'], url: '/api/segnalazioni/reports?page=2', deployment: deploymentStamp('secret', '1.0.0', { publicUrl: 'https://x.it' }) };

describe('archiveTag', () => {
  it('is a weak tag, the same for the same inputs', () => {
    expect(archiveTag(inputs)).toMatch(/^W\/"[\w-]{27}"$/);
    expect(archiveTag({ ...inputs })).toBe(archiveTag(inputs));
  });

  it.each([
    ['another version', { versions: ['8'] }],
    ['another statistics version', { versions: ['7', '1'] }],
    ['another query', { url: '/api/segnalazioni/reports?page=3' }],
    ['another path', { url: '/api/segnalazioni/categories?page=2' }],
    ['another release', { deployment: deploymentStamp('secret', '1.0.1', { publicUrl: 'https://x.it' }) }],
    ['another setting', { deployment: deploymentStamp('secret', '1.0.0', { publicUrl: 'https://y.it' }) }],
    ['another secret', { deployment: deploymentStamp('other secret', '1.0.0', { publicUrl: 'https://x.it' }) }],
  ])('changes with %s', (_label, change) => {
    expect(archiveTag({ ...inputs, ...change })).not.toBe(archiveTag(inputs));
  });

  it('does not confuse versions with the URL', () => {
    expect(archiveTag({ ...inputs, versions: ['1', '2'], url: '/a' })).not.toBe(archiveTag({ ...inputs, versions: ['1'], url: '2/a' }));
  });
});

describe('parseIfNoneMatch', () => {
  it.each([
    ['"a"', ['a']],
    ['W/"a"', ['a']],
    ['"a", W/"b" ,"c"', ['a', 'b', 'c']],
    ['"a,b"', ['a,b']],
    ['"a",, "b",', ['a', 'b']],
    ['""', ['']],
    [' * ', '*'],
  ])('reads %s', (field, expected) => {
    expect(parseIfNoneMatch(field)).toEqual(expected);
  });

  it.each(['', 'a', '"a" "b"', '"a', 'W/a', 'w/"a"', '"a"; x', '*, "a"', '"a\u0001"', ','])('refuses the malformed %j', (field) => {
    expect(parseIfNoneMatch(field)).toBeNull();
  });
});

describe('conditionOf (RFC 9110 §13.1.2, weak comparison)', () => {
  const tag = archiveTag(inputs);
  const opaque = tag.slice(2);

  it.each([
    ['the tag itself', tag],
    ['its strong spelling', opaque],
    ['a list holding it', `"other", ${tag}`],
  ])('is not-modified for %s', (_label, field) => {
    expect(conditionOf(field, tag)).toBe('not-modified');
  });

  it('leaves a wildcard to the answer: only an existing representation matches it', () => {
    expect(conditionOf('*', tag)).toBe('if-exists');
  });

  it.each([
    ['no field', undefined],
    ['another tag', 'W/"other"'],
    ['a list without it', '"x", W/"y"'],
    ['a malformed list that contains it', `${tag} garbage`],
    ['a prefix of it', tag.slice(0, -3) + '"'],
    ['an empty field', ''],
  ])('is modified for %s', (_label, field) => {
    expect(conditionOf(field, tag)).toBe('modified');
  });
});

describe('Cache-Control', () => {
  it('lets shared caches keep archive answers briefly, browsers revalidate', () => {
    expect(publicArchiveCacheControl(10)).toBe('public, max-age=0, s-maxage=10, must-revalidate');
  });

  it.each([
    ['an answer whose route said nothing', { status: 200, cacheControl: undefined, setsCookie: false }],
    ['an answer that sets a cookie', { status: 200, cacheControl: 'public, max-age=60', setsCookie: true }],
    ['a client error of a cacheable route', { status: 404, cacheControl: publicArchiveCacheControl(10), setsCookie: false }],
    ['a server error', { status: 500, cacheControl: 'public, max-age=60', setsCookie: false }],
  ])('keeps nothing of %s', (_label, answer) => {
    expect(finalCacheControl(answer)).toBe(NO_STORE);
  });

  it.each(['public, max-age=31536000, immutable', 'no-cache', 'private, no-store'])('keeps what a route chose: %s', (cacheControl) => {
    expect(finalCacheControl({ status: 200, cacheControl, setsCookie: false })).toBe(cacheControl);
    expect(finalCacheControl({ status: 304, cacheControl, setsCookie: false })).toBe(cacheControl);
  });
});
