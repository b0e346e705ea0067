import type { Core } from '@strapi/strapi';
import type { ArchiveQuery } from '../domain/archive-query';
import { isPhotoPublic, PUBLISHED_WHERE, toPublicReport, type PublicPhoto, type PublicReport, type PublishedReportRecord } from '../domain/visibility';
import { searchWords } from '../domain/search-terms';
import { PLUGIN_ID, UID } from '../uids';
import { getService } from './get-service';
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
    // Rows reach here only for published reports (PUBLISHED_WHERE), so the report is public.
    .filter((photo) => isPhotoPublic(photo, { isPublic: true }) && photo.file)
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
    return { $and: conditions };
  }

  /** Plain matching, for databases without the full-text index. */
  const containsEvery = (q: string) => ({
    $and: searchWords(q).map((word) => ({ $or: [{ publicTitle: { $containsi: word } }, { publicText: { $containsi: word } }] })),
  });

  async function page(where: Record<string, unknown>, sort: ArchiveQuery['sort'], offset: number, limit: number): Promise<Row[]> {
    return (await strapi.db.query(UID.report).findMany({
      where,
      populate: POPULATE,
      orderBy: SORTS[sort] as unknown as Record<string, 'asc' | 'desc'>[],
      offset,
      limit,
    })) as Row[];
  }

  /** A full-text search: the index ranks, the table filters; the page is cut from the ranked ids. */
  async function searchPage(matches: { id: number; rank: number }[], query: ArchiveQuery) {
    const { page: number, pageSize, sort, q: _q, ...filters } = query;
    const rank = new Map(matches.map((match) => [match.id, match.rank]));
    const candidates = matches.length
      ? ((await strapi.db.query(UID.report).findMany({
          where: { $and: [where(filters), { id: { $in: [...rank.keys()] } }] },
          select: ['id', 'publishedOn'],
        })) as { id: number; publishedOn: string }[])
      : [];
    const ordered = [...candidates].sort((a, b) =>
      sort === 'relevance'
        ? (rank.get(b.id) as number) - (rank.get(a.id) as number) || b.id - a.id
        : (sort === 'oldest' ? 1 : -1) * (String(a.publishedOn).localeCompare(String(b.publishedOn)) || a.id - b.id),
    );
    const ids = ordered.slice((number - 1) * pageSize, number * pageSize).map((row) => row.id);
    const rows = ids.length ? await page({ id: { $in: ids }, ...PUBLISHED_WHERE }, 'newest', 0, ids.length) : [];
    const byId = new Map(rows.map((row) => [(row as Row & { id: number }).id, row]));
    return { rows: ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as Row] : [])), total: ordered.length };
  }

  return {
    async list(query: ArchiveQuery): Promise<{ data: PublicReport[]; pagination: { page: number; pageSize: number; pageCount: number; total: number } }> {
      const { page: number, pageSize, sort, q, ...filters } = query;
      const matches = q ? await getService(strapi, 'search').match(q) : null;
      let rows: Row[];
      let total: number;
      if (matches) {
        ({ rows, total } = await searchPage(matches, query));
      } else {
        const conditions = q ? { $and: [where(filters), containsEvery(q)] } : where(filters);
        [rows, total] = await Promise.all([
          page(conditions, sort === 'relevance' ? 'newest' : sort, (number - 1) * pageSize, pageSize),
          strapi.db.query(UID.report).count({ where: conditions }),
        ]);
      }
      return { data: rows.map(view), pagination: { page: number, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    async findOne(documentId: string): Promise<PublicReport | null> {
      const row = await strapi.db.query(UID.report).findOne({ where: { documentId, ...PUBLISHED_WHERE }, populate: POPULATE });
      return row ? view(row as Row) : null;
    },
  };
};
