import fs from 'fs';
import os from 'os';
import path from 'path';
import { jpegWithGps, png } from './images';

/** A photo as the multipart parser leaves it on disk, for calling the intake service directly. */
async function toFile(bytes: Buffer, name: string) {
  const filepath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-photo-')), name);
  fs.writeFileSync(filepath, bytes);
  return { filepath, originalFilename: name, size: bytes.length };
}

export const jpegPhotoFile = async () => toFile(await jpegWithGps(400, 300), 'foto.jpg');
export const pngPhotoFile = async () => toFile(await png(), 'foto.png');
