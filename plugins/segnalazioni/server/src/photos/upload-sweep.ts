import { promises as fs } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { photoHashOfFileName } from './domain/photo-path';
import { orphanFiles, orphanRows, photoHashesOnDisk, type DiskFile, type UploadRow } from './domain/upload-sweep';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { rowsOf, type Row } from '../common/rows';
import { settingOf } from '../common/settings';
import { getService } from '../common/get-service';

export interface UploadSweepConfig {
  /** How old a leftover must be before it is removed: younger ones may be a submission still running. */
  readonly graceMs: number;
  /** How often the sweep runs. */
  readonly intervalMs: number;
}

const UPLOAD_FILE = 'plugin::upload.file' as const;
const PAGE = 500;
const OUR_PREFIX = 'sgn_';

const toUploadRow = (row: Row<typeof UPLOAD_FILE, { select: ['id', 'hash', 'createdAt'] }>): UploadRow => ({
  id: row.id,
  hash: row.hash,
  createdAt: new Date(row.createdAt),
});

const chunks = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / PAGE) }, (_, index) => items.slice(index * PAGE, (index + 1) * PAGE));

/**
 * The upload sweep: removes what a crash between storing photos and committing their report left
 * behind (photos/domain/upload-sweep.ts decides what is an orphan). Several servers may sweep at once:
 * each removal is re-checked just before it runs and tolerates the other having done it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => settingOf(strapi, 'uploadSweep');
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function photoHashesAmong(hashes: readonly string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const photos = await rowsOf(strapi, UID.photo).findMany({ where: { fileHash: { $in: [...hashes] } }, select: ['fileHash'] });
    return new Set(photos.flatMap((photo) => photo.fileHash ?? []));
  }

  /** Removes the row and every format's file through the upload plugin, if it is still an orphan. */
  async function removeRow(id: number): Promise<boolean> {
    const file = await rowsOf(strapi, UPLOAD_FILE).findOne({ where: { id } });
    if (!file || (await photoHashesAmong([file.hash])).size > 0) return false;
    try {
      await strapi.plugin('upload').service('upload').remove(file);
      return true;
    } catch (error) {
      strapi.log.warn(`[${PLUGIN_ID}] upload sweep: could not remove file ${id}: ${(error as Error).message}`);
      return false;
    }
  }

  async function sweepRows(now: Date): Promise<number> {
    let removed = 0;
    let afterId = 0;
    for (;;) {
      const page = (
        await rowsOf(strapi, UPLOAD_FILE).findMany({
          where: { hash: { $startsWith: OUR_PREFIX }, id: { $gt: afterId } },
          select: ['id', 'hash', 'createdAt'],
          orderBy: { id: 'asc' },
          limit: PAGE,
        })
      ).map(toUploadRow);
      if (page.length === 0) return removed;
      afterId = page[page.length - 1].id;
      const withPhoto = await photoHashesAmong(page.map((row) => row.hash));
      for (const row of orphanRows(page, withPhoto, now, config().graceMs)) {
        if (await removeRow(row.id)) removed += 1;
      }
    }
  }

  /** Our photos' files where the provider keeps them: the local provider's folder, or the bucket. */
  async function storedFiles(): Promise<{ files: DiskFile[]; remove: (names: string[]) => Promise<unknown> }> {
    const bucket = getService(strapi, 'photo-bucket');
    if (bucket.isInUse()) {
      return { files: await bucket.list((name) => photoHashOfFileName(name) !== null), remove: (names) => bucket.remove(names) };
    }
    const dir = path.join(strapi.dirs.static.public, 'uploads');
    const names = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
    const files: DiskFile[] = [];
    for (const name of names.filter((name) => photoHashOfFileName(name) !== null)) {
      const stat = await fs.lstat(path.join(dir, name)).catch(() => null);
      if (stat?.isFile()) files.push({ name, modifiedAt: stat.mtime });
    }
    return { files, remove: (orphans) => Promise.all(orphans.map((name) => fs.rm(path.join(dir, name), { force: true }))) };
  }

  async function sweepFiles(now: Date): Promise<number> {
    const { files, remove } = await storedFiles();
    const known = new Set<string>();
    for (const chunk of chunks(photoHashesOnDisk(files.map((file) => file.name)))) {
      const rows = await rowsOf(strapi, UPLOAD_FILE).findMany({ where: { hash: { $in: chunk } }, select: ['hash'] });
      for (const row of rows) known.add(row.hash);
    }
    const orphans = orphanFiles(files, known, now, config().graceMs);
    await remove(orphans);
    return orphans.length;
  }

  return {
    /** One pass; `now` is the system time the ages are measured against (file times are the system's). */
    async sweep(now = new Date()): Promise<{ rows: number; files: number }> {
      const rows = await sweepRows(now);
      const files = await sweepFiles(now);
      if (rows + files > 0) strapi.log.info(`[${PLUGIN_ID}] upload sweep removed ${rows} orphan upload rows and ${files} orphan files`);
      return { rows, files };
    },

    start(): void {
      if (timer) return;
      const run = () => {
        running ??= this.sweep()
          .catch((error: Error) => strapi.log.error(`[${PLUGIN_ID}] upload sweep failed: ${error.message}`))
          .finally(() => {
            running = null;
          });
      };
      timer = setInterval(run, config().intervalMs);
      timer.unref();
      run();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};
