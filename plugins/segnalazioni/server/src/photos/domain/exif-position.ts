/**
 * The position a phone wrote into a photo (EXIF GPS), read in the citizen's browser before the
 * upload so the portal can offer it as the report's place; the server strips it from the file anyway.
 * JPEG (APP1), PNG (eXIf) and WebP (EXIF chunk). Anything malformed, truncated or absent is `null`:
 * a photo never fails because of its metadata.
 */

export interface PhotoPosition {
  readonly latitude: number;
  readonly longitude: number;
}

const GPS_IFD_POINTER = 0x8825;
const GPS_LATITUDE_REF = 0x0001;
const GPS_LATITUDE = 0x0002;
const GPS_LONGITUDE_REF = 0x0003;
const GPS_LONGITUDE = 0x0004;
const ASCII = 2;
const LONG = 4;
const RATIONAL = 5;
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]) =>
  at + expected.length <= bytes.length && expected.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/** The TIFF structure inside the EXIF block of each format, or `null`. */
function tiffBlock(bytes: Uint8Array): Uint8Array | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegTiff(bytes);
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47])) return pngTiff(bytes);
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return webpTiff(bytes);
  return null;
}

function jpegTiff(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    // Start of scan: the metadata segments all come before it.
    if (marker === 0xda) return null;
    const length = view.getUint16(at + 2);
    if (length < 2) return null;
    if (marker === 0xe1 && startsWith(bytes, at + 4, EXIF_HEADER)) return bytes.subarray(at + 10, Math.min(bytes.length, at + 2 + length));
    at += 2 + length;
  }
  return null;
}

function pngTiff(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    if (startsWith(bytes, at + 4, ascii('eXIf'))) return bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
    if (startsWith(bytes, at + 4, ascii('IEND'))) return null;
    at += 12 + length;
  }
  return null;
}

function webpTiff(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    const length = view.getUint32(at + 4, true);
    if (startsWith(bytes, at, ascii('EXIF'))) {
      const chunk = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + length));
      // Some writers keep JPEG's "Exif\0\0" in front of the TIFF header.
      return startsWith(chunk, 0, EXIF_HEADER) ? chunk.subarray(6) : chunk;
    }
    at += 8 + length + (length % 2);
  }
  return null;
}

interface Entry {
  readonly type: number;
  readonly count: number;
  /** Where the value is: in the entry itself when it fits in 4 bytes, else at the offset it holds. */
  readonly valueAt: number;
}

/** The entries of the IFD at `offset`, by tag; `null` when the directory runs past the block. */
function readIfd(view: DataView, offset: number, little: boolean): Map<number, Entry> | null {
  if (offset + 2 > view.byteLength) return null;
  const count = view.getUint16(offset, little);
  if (offset + 2 + count * 12 > view.byteLength) return null;
  const entries = new Map<number, Entry>();
  for (let index = 0; index < count; index++) {
    const at = offset + 2 + index * 12;
    const type = view.getUint16(at + 2, little);
    const values = view.getUint32(at + 4, little);
    const size = values * (type === RATIONAL ? 8 : type === LONG ? 4 : 1);
    entries.set(view.getUint16(at, little), { type, count: values, valueAt: size <= 4 ? at + 8 : view.getUint32(at + 8, little) });
  }
  return entries;
}

/** Degrees, minutes and seconds as three rationals, in decimal degrees. */
function degrees(view: DataView, entry: Entry | undefined, little: boolean): number | null {
  if (!entry || entry.type !== RATIONAL || entry.count !== 3 || entry.valueAt + 24 > view.byteLength) return null;
  const parts = [0, 1, 2].map((index) => {
    const numerator = view.getUint32(entry.valueAt + index * 8, little);
    const denominator = view.getUint32(entry.valueAt + index * 8 + 4, little);
    return denominator === 0 ? Number.NaN : numerator / denominator;
  });
  const [d, m, s] = parts;
  const value = d + m / 60 + s / 3600;
  return Number.isFinite(value) ? value : null;
}

const reference = (view: DataView, entry: Entry | undefined) =>
  entry && entry.type === ASCII && entry.valueAt < view.byteLength ? String.fromCharCode(view.getUint8(entry.valueAt)) : null;

export function photoPosition(bytes: Uint8Array): PhotoPosition | null {
  const tiff = tiffBlock(bytes);
  if (!tiff || tiff.length < 8) return null;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  const root = readIfd(view, view.getUint32(4, little), little);
  const pointer = root?.get(GPS_IFD_POINTER);
  if (!pointer || pointer.type !== LONG || pointer.valueAt + 4 > view.byteLength) return null;
  const gps = readIfd(view, view.getUint32(pointer.valueAt, little), little);
  if (!gps) return null;
  const latitude = degrees(view, gps.get(GPS_LATITUDE), little);
  const longitude = degrees(view, gps.get(GPS_LONGITUDE), little);
  const north = reference(view, gps.get(GPS_LATITUDE_REF));
  const east = reference(view, gps.get(GPS_LONGITUDE_REF));
  if (latitude === null || longitude === null || !north || !east || latitude > 90 || longitude > 180) return null;
  // Cameras without a fix write 0/0: no place, not the Gulf of Guinea.
  if (latitude === 0 && longitude === 0) return null;
  return { latitude: north === 'S' ? -latitude : latitude, longitude: east === 'W' ? -longitude : longitude };
}
