import { isCompressible } from './compression';

describe('isCompressible', () => {
  it.each([
    'application/json',
    'application/graphql-response+json',
    'application/javascript',
    'text/javascript',
    'text/css',
    'text/html',
    'text/plain',
    'application/xml',
    'application/rss+xml',
  ])('compresses %s', (type) => {
    expect(isCompressible(type)).toBe(true);
  });

  it.each(['image/jpeg', 'image/png', 'image/webp', 'image/svg+xml', 'font/woff2', 'application/octet-stream', 'application/zip', 'video/mp4', ''])(
    'leaves %j alone',
    (type) => {
      expect(isCompressible(type)).toBe(false);
    },
  );
});
