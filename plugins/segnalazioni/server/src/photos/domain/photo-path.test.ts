import { publicPhotoFile, readPhotoRequest, servedPhotoUrl } from './photo-path';

const HASH = 'sgn_0123456789abcdef_0a1b2c3d4e';
const FILE = `/uploads/${HASH}.jpg`;

describe('readPhotoRequest', () => {
  it('leaves paths without a photo hash to the static server', () => {
    expect(readPhotoRequest('/uploads/logo.png')).toEqual({ kind: 'other' });
    expect(readPhotoRequest('/admin/assets/index-a1b2.js')).toEqual({ kind: 'other' });
    expect(readPhotoRequest('/uploads/%ZZ.png')).toEqual({ kind: 'other' });
  });

  it.each([
    ['the canonical path', FILE],
    ['a dot segment', `/uploads/./${HASH}.jpg`],
    ['a doubled slash', `//uploads/${HASH}.jpg`],
    ['an encoded dot', `/uploads/%2e/${HASH}.jpg`],
    ['an upper-case encoded dot', `/uploads/%2E/${HASH}.jpg`],
    ['a parent segment', `/x/../uploads/${HASH}.jpg`],
    ['an encoded parent segment', `/x/%2e%2e/uploads/${HASH}.jpg`],
    ['encoded letters', `/uploads/%73gn_0123456789abcdef_0a1b2c3d4e.%6A%70%67`],
    ['an encoded slash', `/uploads%2F${HASH}.jpg`],
  ])('resolves %s to the one file it opens', (_label, path) => {
    expect(readPhotoRequest(path)).toEqual({ kind: 'photo', hash: HASH, canonicalPath: FILE });
  });

  it('keeps the format prefix, deciding on the photo it belongs to', () => {
    expect(readPhotoRequest(`/uploads/%74humbnail_${HASH}.webp`)).toEqual({ kind: 'photo', hash: HASH, canonicalPath: `/uploads/thumbnail_${HASH}.webp` });
  });

  it('decides on the last file named, not the first', () => {
    const other = 'sgn_fedcba9876543210_ffffffffff';
    expect(readPhotoRequest(`/uploads/${other}.jpg/../${HASH}.jpg`)).toEqual({ kind: 'photo', hash: HASH, canonicalPath: FILE });
  });

  it.each([
    ['double encoding', `/uploads/%2573gn_0123456789abcdef_0a1b2c3d4e.jpg`],
    ['an undecodable escape', `/uploads/%ZZ/../${HASH}.jpg`],
    ['a trailing slash', `${FILE}/`],
    ['a NUL', `${FILE}%00.png`],
    ['a compressed copy', `${FILE}.gz`],
    ['a photo outside uploads', `/${HASH}.jpg`],
    ['upper-case hex in the name', `/uploads/${HASH.toUpperCase()}.jpg`],
    ['a backslash', `/uploads\\${HASH}.jpg`],
  ])('refuses %s', (_label, path) => {
    expect(readPhotoRequest(path)).toEqual({ kind: 'refused' });
  });
});

describe('servedPhotoUrl', () => {
  it.each([
    ['the local provider', FILE],
    ['a path-style bucket', `http://127.0.0.1:9000/sportello-foto/${HASH}.jpg`],
    ['a virtual-hosted bucket', `https://sportello-foto.s3.eu-south-1.amazonaws.com/${HASH}.jpg`],
    ['a presigned link', `https://sportello-foto.s3.amazonaws.com/${HASH}.jpg?X-Amz-Signature=abc&X-Amz-Expires=900`],
  ])('answers a photo stored by %s at our own address', (_label, url) => {
    expect(servedPhotoUrl(url)).toBe(FILE);
  });

  it("keeps a format's name, and leaves what is not one of our photos as it is", () => {
    expect(servedPhotoUrl(`http://127.0.0.1:9000/sportello-foto/thumbnail_${HASH}.webp`)).toBe(`/uploads/thumbnail_${HASH}.webp`);
    expect(servedPhotoUrl('https://bucket.example/logo.png')).toBe('https://bucket.example/logo.png');
  });
});

describe('publicPhotoFile', () => {
  it('gives every format our address, and no more than the public sees', () => {
    const bucket = 'http://127.0.0.1:9000/sportello-foto';
    expect(
      publicPhotoFile({
        url: `${bucket}/${HASH}.jpg`,
        width: 1600,
        height: 1200,
        formats: { small: { url: `${bucket}/small_${HASH}.jpg`, width: 500, height: 375 } },
      }),
    ).toEqual({ url: FILE, width: 1600, height: 1200, formats: { small: { url: `/uploads/small_${HASH}.jpg`, width: 500, height: 375 } } });
    expect(publicPhotoFile({ url: FILE })).toEqual({ url: FILE, width: null, height: null, formats: {} });
  });
});
