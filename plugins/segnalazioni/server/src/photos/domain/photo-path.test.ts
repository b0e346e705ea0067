import { readPhotoRequest } from './photo-path';

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
