import { isPhotoHash, photoHashOfFileName } from './photo-path';

/**
 * What a crash leaves behind: photos are stored before the report's transaction (resizing must not
 * hold it), so a process killed in between leaves upload rows no photo points to, or files on disk
 * no upload row mentions. Only our photos (`sgn_` hashes) are ever orphans: the media library's files
 * belong to the editors. Anything younger than the grace period may be a submission still running.
 */

export interface UploadRow {
  readonly id: number;
  readonly hash: string;
  readonly createdAt: Date;
}

export interface DiskFile {
  readonly name: string;
  readonly modifiedAt: Date;
}

const olderThan = (when: Date, now: Date, graceMs: number) => now.getTime() - when.getTime() >= graceMs;

/** Our upload rows no photo points to, past the grace period. */
export function orphanRows(rows: readonly UploadRow[], photoHashes: ReadonlySet<string>, now: Date, graceMs: number): UploadRow[] {
  return rows.filter((row) => isPhotoHash(row.hash) && !photoHashes.has(row.hash) && olderThan(row.createdAt, now, graceMs));
}

/** The hashes our files on disk belong to: what to look up among the upload rows. */
export function photoHashesOnDisk(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((name) => photoHashOfFileName(name) ?? []))];
}

/** Our files on disk (every format) whose hash no upload row has, past the grace period. */
export function orphanFiles(files: readonly DiskFile[], rowHashes: ReadonlySet<string>, now: Date, graceMs: number): string[] {
  return files
    .filter((file) => {
      const hash = photoHashOfFileName(file.name);
      return hash !== null && !rowHashes.has(hash) && olderThan(file.modifiedAt, now, graceMs);
    })
    .map((file) => file.name);
}
