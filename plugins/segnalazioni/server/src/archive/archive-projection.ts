import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { archiveEntryOf, searchableText, type ArchiveEntry } from './domain/archive-entry';
import { isPhotoPublic, PUBLISHED_REPORT_FIELDS, PUBLISHED_WHERE, type PublicPhoto } from './domain/visibility';
import { byPosition } from '../photos/domain/photo-rules';
import { publicPhotoFile } from '../photos/domain/photo-path';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { rowsOf, type Row } from '../common/rows';
import { ARCHIVE_TABLES } from './archive-tables';

const { reports: PROJECTION, views: VIEWS, counts: COUNTS } = ARCHIVE_TABLES;

const SELECT = ['id', 'reference', ...PUBLISHED_REPORT_FIELDS] as const;
const POPULATE = {
  category: { select: ['id', 'name', 'slug'] },
  duplicateOf: { select: ['documentId', 'reference'] },
  replies: { select: ['kind', 'body', 'isPublic', 'createdAt'], where: { isPublic: true } },
  photos: { where: { moderation: 'approved' }, populate: { file: true } },
} as const;

type SourceRow = Row<typeof UID.report, { select: typeof SELECT; populate: typeof POPULATE }>;

/** Reports read per statement while rebuilding: their relations are loaded with one `IN` list each. */
const REBUILD_BATCH = 1000;
const INSERT_BATCH = 500;

const publicPhotos = (photos: SourceRow['photos']): PublicPhoto[] =>
  [...photos]
    // Rows reach here only for published reports (PUBLISHED_WHERE), so the report is public.
    .filter((photo) => isPhotoPublic(photo, { isPublic: true }))
    .sort(byPosition)
    .flatMap(({ file }) => (file ? [publicPhotoFile(file)] : []));

const entryOf = (row: SourceRow): ArchiveEntry => archiveEntryOf(row, publicPhotos(row.photos));

interface CountKey {
  category_id: number;
  status: string;
}

/**
 * The archive's read model: one row per published report with what the public sees of it (its keys
 * in one table, its view and words in another, so that searches order narrow rows), written
 * by the workflow in the transaction of the change that alters it (`sync`), so that a page is one
 * indexed statement and no request ever rebuilds a report. Also keeps the published reports per
 * (category, status), which give the archive's totals.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const search = () => getService(strapi, 'search');
  const reports = rowsOf(strapi, UID.report);

  const projectionRow = (entry: ArchiveEntry, categoryName: string | null) => ({
    report_id: entry.reportId,
    document_id: entry.documentId,
    reference: entry.reference,
    category_id: entry.categoryId,
    status: entry.status,
    published_ms: entry.publishedMs,
    submitted_ms: entry.submittedMs,
    latitude: entry.view.latitude,
    longitude: entry.view.longitude,
    ...search().documentColumn(searchableText(entry.words, categoryName)),
  });
  const viewRow = (entry: ArchiveEntry) => ({ report_id: entry.reportId, words: entry.words, view: JSON.stringify(entry.view) });

  /** Adds `delta` to a (category, status) count; the upsert is atomic, so concurrent changes add up. */
  async function addToCount(trx: Knex.Transaction, key: CountKey, delta: number): Promise<void> {
    await trx(COUNTS)
      .insert({ ...key, reports: delta })
      .onConflict(['category_id', 'status'])
      .merge({ reports: trx.raw('??.reports + ?', [COUNTS, delta]) });
  }

  /** Writes entries (new or replacing) and their search text, nothing else. */
  async function write(trx: Knex.Transaction, entries: readonly { entry: ArchiveEntry; categoryName: string | null }[]): Promise<void> {
    // SQLite takes at most 500 rows in one multi-row insert (knex writes it as a compound SELECT).
    for (let start = 0; start < entries.length; start += INSERT_BATCH) {
      const batch = entries.slice(start, start + INSERT_BATCH);
      await trx(PROJECTION)
        .insert(batch.map(({ entry, categoryName }) => projectionRow(entry, categoryName)))
        .onConflict('report_id')
        .merge();
      await trx(VIEWS)
        .insert(batch.map(({ entry }) => viewRow(entry)))
        .onConflict('report_id')
        .merge();
    }
    await search().index(
      trx,
      entries.map(({ entry, categoryName }) => ({ reportId: entry.reportId, text: searchableText(entry.words, categoryName) })),
    );
  }

  const entriesOf = (rows: readonly SourceRow[]) => rows.map((row) => ({ entry: entryOf(row), categoryName: row.category?.name ?? null }));

  return {
    /**
     * Puts the report in the archive as it is now if it is published, takes it out otherwise, and
     * moves the counts. Inside `strapi.db.transaction` it commits or rolls back with the change.
     */
    async sync(reportId: number): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        const before = (await trx(PROJECTION).select('category_id', 'status').where('report_id', reportId).first()) as CountKey | undefined;
        const row = await reports.findOne({ where: { id: reportId, ...PUBLISHED_WHERE }, select: SELECT, populate: POPULATE });
        const [written] = row ? entriesOf([row]) : [];
        const after = written ? { category_id: written.entry.categoryId, status: written.entry.status } : undefined;
        if (written) await write(trx, [written]);
        else if (before) {
          await trx(PROJECTION).where('report_id', reportId).delete();
          await trx(VIEWS).where('report_id', reportId).delete();
          await search().unindex(trx, reportId);
        }
        if (before?.category_id === after?.category_id && before?.status === after?.status) return;
        // Always in the same order, so that two transactions moving the same counts cannot deadlock.
        const moves = [...(before ? [{ key: before, delta: -1 }] : []), ...(after ? [{ key: after, delta: 1 }] : [])].sort(
          (a, b) => a.key.category_id - b.key.category_id || a.key.status.localeCompare(b.key.status),
        );
        for (const { key, delta } of moves) await addToCount(trx, { category_id: Number(key.category_id), status: key.status }, delta);
      });
    },

    /**
     * A category's name is among the words a search finds: after a rename, its reports' search
     * text is rewritten from their kept words; their views do not name it.
     */
    async categoryRenamed(categoryId: number, name: string | null): Promise<void> {
      await strapi.db.transaction(({ trx }) => search().reindexCategory(trx, categoryId, name));
    },

    /**
     * Builds the projection again from the reports, in one transaction, so the archive never shows
     * half of it: for `npm run archive:rebuild`, and for a database whose projection is still empty.
     */
    async rebuild({ onProgress }: { onProgress?: (done: number) => void } = {}): Promise<number> {
      let done = 0;
      await strapi.db.transaction(async ({ trx }) => {
        await trx(PROJECTION).delete();
        await trx(VIEWS).delete();
        await trx(COUNTS).delete();
        await search().clear(trx);
        let after = 0;
        for (;;) {
          const rows = await reports.findMany({
            where: { id: { $gt: after }, ...PUBLISHED_WHERE },
            select: SELECT,
            populate: POPULATE,
            orderBy: { id: 'asc' },
            limit: REBUILD_BATCH,
          });
          if (rows.length === 0) break;
          await write(trx, entriesOf(rows));
          after = rows[rows.length - 1].id;
          done += rows.length;
          onProgress?.(done);
        }
        await trx.raw(
          `INSERT INTO ${COUNTS} (category_id, status, reports) SELECT category_id, status, count(*) FROM ${PROJECTION} GROUP BY category_id, status`,
        );
      });
      await getService(strapi, 'archive-version').bump();
      return done;
    },

    /** Fills an empty projection when there are published reports (a database from before it existed). */
    async backfill(): Promise<number> {
      const kept = await strapi.db.connection(PROJECTION).first('report_id');
      if (kept) return 0;
      const published = await reports.findOne({ where: { ...PUBLISHED_WHERE }, select: ['id'] });
      return published ? this.rebuild() : 0;
    },
  };
};
