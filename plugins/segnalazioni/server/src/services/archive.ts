import type { Core } from '@strapi/strapi';
import type { ArchiveQuery } from '../domain/archive-query';
import { PUBLISHED_WHERE, toPublicReport, type PublicPhoto, type PublicReport, type PublishedReportRecord } from '../domain/visibility';
import { PLUGIN_ID, UID } from '../uids';
import type { StoredFile } from './photos';

const POPULATE = {
  category: { select: ['name', 'slug'] },
  replies: { select: ['kind', 'body', 'isPublic', 'createdAt'], where: { isPublic: true } },
  photos: { where: { moderation: 'approved' }, populate: { file: true } },
} as const;

const SORTS = {
  newest: [{ publishedOn: 'desc' }, { id: 'desc' }],
  oldest: [{ publishedOn: 'asc' }, { id: 'asc' }],
  relevance: [{ publishedOn: 'desc' }, { id: 'desc' }],
} as const;

type Row = PublishedReportRecord & { photos?: { position: number; moderation: string; file?: StoredFile | null }[] };

const publicPhotos = (photos: Row['photos'] = []): PublicPhoto[] =>
  [...photos]
    .filter((photo) => photo.moderation === 'approved' && photo.file)
    .sort((a, b) => a.position - b.position)
    .map(({ file }) => ({
      url: file!.url,
      width: file!.width ?? null,
      height: file!.height ?? null,
      formats: Object.fromEntries(Object.entries(file!.formats ?? {}).map(([name, f]) => [name, { url: f.url, width: f.width, height: f.height }])),
    }));

/**
 * The public read model: the one place that decides what of a report the public sees. REST, GraphQL
 * and the portal all read through it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const view = (row: Row) =>
    toPublicReport(row, publicPhotos(row.photos), { deadlines: strapi.config.get(`plugin::${PLUGIN_ID}.publicDeadlines`) === true });

  function where(query: Omit<ArchiveQuery, 'page' | 'pageSize' | 'sort'>) {
    const conditions: Record<string, unknown>[] = [{ ...PUBLISHED_WHERE }];
    if (query.category) conditions.push({ category: { slug: query.category } });
    if (query.status) conditions.push({ status: query.status });
    if (query.from) conditions.push({ submittedAt: { $gte: `${query.from}T00:00:00.000Z` } });
    if (query.to) conditions.push({ submittedAt: { $lte: `${query.to}T23:59:59.999Z` } });
    if (query.q) {
      const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8);
      for (const word of words) conditions.push({ $or: [{ publicTitle: { $containsi: word } }, { publicText: { $containsi: word } }] });
    }
    return { $and: conditions };
  }

  return {
    async list(query: ArchiveQuery): Promise<{ data: PublicReport[]; pagination: { page: number; pageSize: number; pageCount: number; total: number } }> {
      const { page, pageSize, sort, ...filters } = query;
      const [rows, total] = await Promise.all([
        strapi.db.query(UID.report).findMany({
          where: where(filters),
          populate: POPULATE,
          orderBy: SORTS[sort] as unknown as Record<string, 'asc' | 'desc'>[],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(UID.report).count({ where: where(filters) }),
      ]);
      return { data: (rows as Row[]).map(view), pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    async findOne(documentId: string): Promise<PublicReport | null> {
      const row = await strapi.db.query(UID.report).findOne({ where: { documentId, ...PUBLISHED_WHERE }, populate: POPULATE });
      return row ? view(row as Row) : null;
    },
  };
};
