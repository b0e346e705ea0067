import sharp from 'sharp';
import { photoPosition } from '../../plugins/segnalazioni/server/src/photos/domain/exif-position';
import { jpegWithGps, png } from '../helpers/images';

/** Real files written by libvips (sharp), as phones and editors write them. */
const photo = (format: 'jpeg' | 'png' | 'webp', gps: Record<string, string>) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3377aa' } })
    .toFormat(format)
    .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: gps })
    .toBuffer();

const SOUTH_WEST = { GPSLatitudeRef: 'S', GPSLatitude: '34/1 36/1 1800/100', GPSLongitudeRef: 'W', GPSLongitude: '58/1 22/1 3000/100' };

describe('the position a photo carries', () => {
  it('reads degrees, minutes and seconds of a JPEG', async () => {
    const position = photoPosition(await jpegWithGps());
    expect(position?.latitude).toBeCloseTo(45 + 33 / 60 + 5 / 3600, 9);
    expect(position?.longitude).toBeCloseTo(8 + 3 / 60 + 20 / 3600, 9);
  });

  it.each(['jpeg', 'png', 'webp'] as const)('reads %s, south and west negative', async (format) => {
    const position = photoPosition(await photo(format, SOUTH_WEST));
    expect(position?.latitude).toBeCloseTo(-(34 + 36 / 60 + 18 / 3600), 9);
    expect(position?.longitude).toBeCloseTo(-(58 + 22 / 60 + 30 / 3600), 9);
  });

  it('is null without GPS, with a 0/0 fix, or with a broken denominator', async () => {
    expect(photoPosition(await png())).toBeNull();
    expect(
      photoPosition(
        await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .jpeg()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(
      photoPosition(await photo('jpeg', { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' })),
    ).toBeNull();
    expect(photoPosition(await photo('jpeg', { ...SOUTH_WEST, GPSLatitude: '34/0 36/1 18/1' }))).toBeNull();
  });

  it('never throws on truncated or hostile bytes', async () => {
    const whole = await jpegWithGps(64, 48);
    for (let length = 0; length < Math.min(whole.length, 2048); length += 7) {
      expect(() => photoPosition(whole.subarray(0, length))).not.toThrow();
    }
    const flipped = Buffer.from(whole);
    for (let at = 4; at < 400; at += 3) flipped[at] ^= 0xff;
    expect(() => photoPosition(flipped)).not.toThrow();
    expect(photoPosition(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01]))).toBeNull();
    expect(photoPosition(new Uint8Array(0))).toBeNull();
  });
});
