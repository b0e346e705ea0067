import sharp from 'sharp';

/** A real JPEG photo carrying EXIF with a GPS position (Biella, Palazzo Oropa), as phones write them. */
export async function jpegWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .composite([
      { input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="orange"/></svg>`) },
    ])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Camera 1', Software: 'sportello-tests' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '45/1 33/1 5/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '8/1 3/1 20/1',
      },
    })
    .toBuffer();
}

export async function png(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 160, b: 80, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** Bytes that start like a JPEG and are not one. */
export function fakeJpeg(size = 4096): Buffer {
  const bytes = Buffer.alloc(size, 0x41);
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  bytes[2] = 0xff;
  return bytes;
}

/** A real JPEG padded past `megabytes` (a comment segment is legal and kept by the decoder). */
export async function jpegOfSize(megabytes: number): Promise<Buffer> {
  const base = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  const padding = Buffer.alloc(Math.ceil(megabytes * 1024 * 1024) - base.length + 1024, 0);
  return Buffer.concat([base, padding]);
}
