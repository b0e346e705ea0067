import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ArchiveQuery } from './domain/archive-query';
import { dayRange } from '../common/domain/calendar-date';
import { searchWords } from './domain/search-terms';
import { PUBLISHED_WHERE } from './domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { BY_CATEGORY } from './search';

export type ArchiveFilters = Omit<ArchiveQuery, 'page' | 'pageSize' | 'sort'>;

export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

export interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
}

/**
 * The archive's lean read path: which published reports a query selects, in which order, and how
 * many, in one SQL statement each — ids only, so the rows' content is loaded for one page at a time.
 * Table and column names come from Strapi's metadata, never spelled here.
 */
export function archiveRows(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  const report = strapi.db.metadata.get(UID.report) as unknown as Meta;
  const category = strapi.db.metadata.get(UID.category) as unknown as Meta;
  const column = (meta: Meta, attribute: string) => meta.attributes[attribute]?.columnName ?? attribute;
  const r = (attribute: string) => `r.${column(report, attribute)}`;
  const categoryLink = report.attributes.category.joinTable as JoinTable;

  interface Selection {
    query: Knex.QueryBuilder;
    /** Set when a full-text index ranks the reports. */
    rank: Knex.Raw | null;
    /** The columns that give the archive's order: within a category, its own index holds them. */
    order: { publishedOn: string; id: string };
  }

  /** Published reports matching the filters and words. */
  function select({ q, ...filters }: ArchiveFilters): Selection {
    const query = knex()(`${report.tableName} as r`);
    for (const [attribute, value] of Object.entries(PUBLISHED_WHERE)) query.where(r(attribute), value);
    let order = { publishedOn: r('publishedOn'), id: 'r.id' };
    if (filters.category) {
      const categoryId = knex()(category.tableName).select('id').where(column(category, 'slug'), filters.category).first();
      query.join(`${BY_CATEGORY} as a`, 'a.report_id', 'r.id').where('a.category_id', categoryId);
      order = { publishedOn: 'a.published_on', id: 'a.report_id' };
    }
    if (filters.status) query.where(r('status'), filters.status);
    const { since, until } = dayRange(filters);
    if (since) query.where(r('submittedAt'), '>=', since);
    if (until) query.where(r('submittedAt'), '<', until);
    if (!q) return { query, rank: null, order };
    const indexed = getService(strapi, 'search').restrict(query, q);
    if (indexed) return { query, rank: indexed.rank, order };
    // Without a full-text index, every word must appear in the public title or text.
    for (const word of searchWords(q)) {
      query.where((both) => both.whereRaw(`LOWER(${r('publicTitle')}) LIKE ?`, [`%${word}%`]).orWhereRaw(`LOWER(${r('publicText')}) LIKE ?`, [`%${word}%`]));
    }
    return { query, rank: null, order };
  }

  return {
    /**
     * Ids of one page, in the query's order. With `withTotal`, the same statement also counts every
     * match (a window over the rows it must read anyway to rank them); the total is `null` past the
     * last page, and on SQLite, whose FTS5 ranking cannot share a statement with a window.
     */
    async page(
      filters: ArchiveFilters,
      sort: ArchiveQuery['sort'],
      offset: number,
      limit: number,
      { withTotal = false } = {},
    ): Promise<{ ids: number[]; total: number | null }> {
      const { query, rank, order } = select(filters);
      const counted = withTotal && strapi.db.dialect.client !== 'sqlite';
      query.select('r.id');
      if (counted) query.select(knex().raw('count(*) over () as total'));
      if (sort === 'relevance' && rank)
        query.orderBy([
          { column: rank as unknown as string, order: 'desc' },
          { column: 'r.id', order: 'desc' },
        ]);
      else {
        const direction = sort === 'oldest' ? 'asc' : 'desc';
        query.orderBy([
          { column: order.publishedOn, order: direction },
          { column: order.id, order: direction },
        ]);
      }
      const rows = (await query.offset(offset).limit(limit)) as { id: number | string; total?: number | string }[];
      return { ids: rows.map((row) => Number(row.id)), total: counted && rows.length > 0 ? Number(rows[0].total) : null };
    },

    async count(filters: ArchiveFilters): Promise<number> {
      const { query } = select(filters);
      const [row] = (await query.count({ count: '*' })) as { count: number | string }[];
      return Number(row?.count ?? 0);
    },

    /** Published reports per category slug, in one grouped statement. */
    async countByCategory(): Promise<Map<string, number>> {
      const { query } = select({});
      const slug = `c.${column(category, 'slug')}`;
      const rows = (await query
        .join(`${categoryLink.name} as link`, `link.${categoryLink.joinColumn.name}`, 'r.id')
        .join(`${category.tableName} as c`, 'c.id', `link.${categoryLink.inverseJoinColumn.name}`)
        .select(`${slug} as slug`)
        .count({ count: '*' })
        .groupBy(slug)) as { slug: string; count: number | string }[];
      return new Map(rows.map((row) => [row.slug, Number(row.count)]));
    },
  };
}
