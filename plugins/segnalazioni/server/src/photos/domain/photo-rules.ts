/**
 * Which photos a report accepts. The type is read from the file's own bytes, never from its name
 * or the Content-Type the client claims.
 */

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const PHOTO_EXTENSIONS: Record<PhotoType, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

/** The image type the bytes are, or `null` when they are none of the accepted ones. */
export function sniffPhotoType(head: Uint8Array): PhotoType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export interface PhotoCandidate {
  readonly name: string;
  readonly size: number;
  readonly head: Uint8Array;
}

export interface PhotoProblem {
  readonly name: string;
  readonly message: string;
}

/** A size as a citizen reads it: "2.5 MB". */
export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** Everything wrong with a set of photos, in the words a citizen reads. */
export function checkPhotos(photos: readonly PhotoCandidate[], { maxPhotos, maxBytes }: { maxPhotos: number; maxBytes: number }): PhotoProblem[] {
  const problems: PhotoProblem[] = [];
  if (photos.length > maxPhotos) {
    problems.push({ name: 'photos', message: `Si possono allegare al massimo ${maxPhotos} foto (ne sono arrivate ${photos.length}).` });
  }
  for (const photo of photos) {
    if (photo.size === 0) {
      problems.push({ name: photo.name, message: `La foto "${photo.name}" è vuota.` });
    } else if (photo.size > maxBytes) {
      problems.push({
        name: photo.name,
        message: `La foto "${photo.name}" pesa ${megabytes(photo.size)}: il massimo è ${megabytes(maxBytes)}.`,
      });
    } else if (!sniffPhotoType(photo.head)) {
      problems.push({ name: photo.name, message: `Il file "${photo.name}" non è una foto JPEG, PNG o WebP.` });
    }
  }
  return problems;
}

/** A report's photos in the order they were added; a position left empty counts as the column's default, 0. */
export const byPosition = (a: { readonly position?: number | null }, b: { readonly position?: number | null }) => (a.position ?? 0) - (b.position ?? 0);
