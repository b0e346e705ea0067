import type { Core } from '@strapi/strapi';
import type { ArchiveQuery } from './domain/archive-query';
import { isPhotoPublic, PUBLISHED_REPORT_FIELDS, PUBLISHED_WHERE, toPublicReport, type PublicPhoto, type PublicReport } from './domain/visibility';
import { byPosition } from '../photos/domain/photo-rules';
import { publicPhotoFile } from '../photos/domain/photo-path';
import { searchWords } from './domain/search-terms';
import { UID } from '../common/domain/uids';
import { archiveRows, type ArchiveFilters } from './archive-rows';
import { getService } from '../common/get-service';
import { rowsOf, type Row } from '../common/rows';
import { settingOf } from '../common/settings';

const POPULATE = {
  category: { select: ['name', 'slug'] },
  replies: { select: ['kind', 'body', 'isPublic', 'createdAt'], where: { isPublic: true } },
  photos: { where: { moderation: 'approved' }, populate: { file: true } },
} as const;

export interface ArchivePage {
  data: PublicReport[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

const SELECT = ['id', ...PUBLISHED_REPORT_FIELDS] as const;

type PublishedRow = Row<typeof UID.report, { select: typeof SELECT; populate: typeof POPULATE }>;

const publicPhotos = (photos: PublishedRow['photos']): PublicPhoto[] =>
  [...photos]
    // Rows reach here only for published reports (PUBLISHED_WHERE), so the report is public.
    .filter((photo) => isPhotoPublic(photo, { isPublic: true }))
    .sort(byPosition)
    .flatMap(({ file }) => (file ? [publicPhotoFile(file)] : []));

/**
 * The public read model: the one place that decides what of a report the public sees. REST, GraphQL
 * and the portal all read through it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const view = (row: PublishedRow) => toPublicReport(row, publicPhotos(row.photos), { deadlines: settingOf(strapi, 'publicDeadlines') === true });

  const rows = archiveRows(strapi);
  const reports = rowsOf(strapi, UID.report);

  /** The content of the given published reports, in the given order. */
  async function load(ids: readonly number[]): Promise<PublishedRow[]> {
    if (ids.length === 0) return [];
    const found = await reports.findMany({ where: { id: { $in: ids }, ...PUBLISHED_WHERE }, select: SELECT, populate: POPULATE });
    const byId = new Map(found.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  const remember = <T>(key: string, compute: () => Promise<T>) => getService(strapi, 'archive-version').remember(key, compute);

  const countByCategory = () => remember('per-category', () => rows.countByCategory());

  /** Counting a large archive is the slowest part: a total serves every page of its query. */
  async function totalOf(filters: ArchiveFilters): Promise<number> {
    const { category, ...others } = filters;
    if (category && Object.values(others).every((value) => value === undefined)) return (await countByCategory()).get(category) ?? 0;
    return remember(`total:${JSON.stringify(filters)}`, () => rows.count(filters));
  }

  async function list(query: ArchiveQuery): Promise<ArchivePage> {
    const { page: number, pageSize, sort, ...filters } = query;
    const offset = (number - 1) * pageSize;
    let ids: number[] = [];
    let total = 0;
    if (filters.q !== undefined) {
      // Words made only of punctuation select nothing. A search reads all its matches to rank or
      // sort them, so the same statement counts them.
      if (searchWords(filters.q).length > 0) {
        const found = await rows.page(filters, sort, offset, pageSize, { withTotal: true });
        ids = found.ids;
        total = found.total ?? (await totalOf(filters));
      }
    } else {
      [{ ids }, total] = await Promise.all([rows.page(filters, sort, offset, pageSize), totalOf(filters)]);
    }
    const data = (await load(ids)).map(view);
    return { data, pagination: { page: number, pageSize, pageCount: Math.ceil(total / pageSize), total } };
  }

  async function findOne(documentId: string): Promise<PublicReport | null> {
    const row = await reports.findOne({ where: { documentId, ...PUBLISHED_WHERE }, select: SELECT, populate: POPULATE });
    return row ? view(row) : null;
  }

  // Answers are kept until the archive changes (see archive-version): a publication, a public reply
  // or a moderated photo shows on the next request, in every server process.
  return {
    list: (query: ArchiveQuery) => remember(`list:${JSON.stringify(query)}`, () => list(query)),
    findOne: (documentId: string) => remember(`one:${documentId}`, () => findOne(documentId)),
    /** Published reports per category slug. */
    countByCategory,
  };
};
