import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ArchiveQuery } from './domain/archive-query';
import type { ReportStatus } from '../workflow/domain/lifecycle';
import { MAX_COUNTED_MATCHES } from './domain/archive-cursor';
import type { StoredView } from './domain/archive-entry';
import { dayRange } from '../common/domain/calendar-date';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { ARCHIVE_TABLES } from './archive-tables';
import { columnOf as column, metaOf } from '../common/table-meta';
import { scalesAt, type PlaceFilter } from './domain/place-filter';

/**
 * What selects published reports: the public query's filters, and those other readers of the
 * archive need (Open311's lists of services and statuses, and its window of submission instants).
 */
export type ArchiveFilters = Omit<ArchiveQuery, 'page' | 'pageSize' | 'sort' | 'after'> & {
  readonly categories?: readonly string[];
  readonly statuses?: readonly ReportStatus[];
  readonly submittedMs?: { readonly since: number; readonly until: number };
};

/**
 * A page of published reports: filters, order, and where it starts. `bySubmission`: newest
 * submission first (Open311 lists requests by when they were made, and filters by that window:
 * one index serves both); no cursor then.
 */
export type ArchivePageQuery = ArchiveFilters & Pick<ArchiveQuery, 'page' | 'pageSize' | 'sort' | 'after'> & { readonly bySubmission?: boolean };

/** A report of a page, as kept: its view, its category, and the keys a cursor is made of. */
export interface ArchiveRow {
  view: StoredView;
  category: { name: string; slug: string } | null;
  publishedMs: number;
  reportId: number;
  reference: string;
}

interface RawRow {
  view: string;
  category_name: string | null;
  category_slug: string | null;
  published_ms: number | string;
  report_id: number | string;
  reference: string;
}

const { reports: PROJECTION, views: VIEWS, counts: COUNTS } = ARCHIVE_TABLES;

/**
 * Relevance is ranked among a search's newest matches, this many (as search engines rescore a window
 * of their results): a word common to a fifth of a million reports is still ranked in one bounded pass.
 */
export const MAX_RANKED_MATCHES = 1000;

/**
 * The archive's statements, over its projection (archive-projection.ts): a page is one indexed
 * statement with its category joined; a total is a sum of kept counts, or a count that stops at
 * MAX_COUNTED_MATCHES for searches and date ranges.
 */
export function archiveRows(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;
  const category = metaOf(strapi, UID.category);
  const categoryIdOf = (slug: string) => knex()(category.tableName).select('id').where(column(category, 'slug'), slug).first();

  /**
   * Reports whose public place is in the box (and the circle): PostgreSQL seeks its GiST index of
   * the points, SQLite its (latitude, longitude) index; a report without a public place is never found.
   */
  function wherePlace(query: Knex.QueryBuilder, { box, circle }: PlaceFilter): void {
    query.whereNotNull('a.latitude').whereNotNull('a.longitude');
    if (strapi.db.dialect.client === 'postgres') {
      query.whereRaw('point(a.longitude, a.latitude) <@ box(point(?, ?), point(?, ?))', [box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude]);
    } else query.whereBetween('a.latitude', [box.minLatitude, box.maxLatitude]).whereBetween('a.longitude', [box.minLongitude, box.maxLongitude]);
    if (circle) {
      const { x, y } = scalesAt(circle);
      query.whereRaw('(a.longitude - ?) * (a.longitude - ?) * ? + (a.latitude - ?) * (a.latitude - ?) * ? <= ?', [
        circle.longitude,
        circle.longitude,
        x * x,
        circle.latitude,
        circle.latitude,
        y * y,
        circle.radiusM * circle.radiusM,
      ]);
    }
  }

  /** Published reports matching the filters and words; the rank when a full-text index gives one. */
  function select({ q, ...filters }: ArchiveFilters): { query: Knex.QueryBuilder; rank: Knex.Raw | null } {
    const query = knex()(`${PROJECTION} as a`);
    if (filters.category) query.where('a.category_id', categoryIdOf(filters.category));
    if (filters.status) query.where('a.status', filters.status);
    if (filters.categories)
      query.whereIn(
        'a.category_id',
        knex()(category.tableName)
          .select('id')
          .whereIn(column(category, 'slug'), [...filters.categories]),
      );
    if (filters.statuses) query.whereIn('a.status', [...filters.statuses]);
    if (filters.place) wherePlace(query, filters.place);
    if (filters.submittedMs) query.where('a.submitted_ms', '>=', filters.submittedMs.since).where('a.submitted_ms', '<=', filters.submittedMs.until);
    const { since, until } = dayRange(filters);
    if (since) query.where('a.submitted_ms', '>=', since.getTime());
    if (until) query.where('a.submitted_ms', '<', until.getTime());
    return q ? { query, rank: getService(strapi, 'search').restrict(query, q).rank } : { query, rank: null };
  }

  const toRow = (row: RawRow): ArchiveRow => ({
    view: JSON.parse(row.view) as StoredView,
    category: row.category_slug === null || row.category_name === null ? null : { name: row.category_name, slug: row.category_slug },
    publishedMs: Number(row.published_ms),
    reportId: Number(row.report_id),
    reference: row.reference,
  });

  /** The columns a page serves: its view, with the category's name and slug joined. */
  function served(query: Knex.QueryBuilder): Knex.QueryBuilder {
    return query
      .join(`${VIEWS} as v`, 'v.report_id', 'a.report_id')
      .leftJoin(`${category.tableName} as c`, 'c.id', 'a.category_id')
      .select(
        'v.view',
        'a.published_ms',
        'a.report_id',
        'a.reference',
        `c.${column(category, 'name')} as category_name`,
        `c.${column(category, 'slug')} as category_slug`,
      );
  }

  return {
    /**
     * One page in the query's order, from `offset` or right after the cursor's report. The page's
     * keys are found first (from an index alone where the filters allow: a deep page skips index
     * entries, not rows), then only its reports are read.
     */
    async page({ sort, after, page, pageSize, bySubmission, ...filters }: ArchivePageQuery): Promise<ArchiveRow[]> {
      const { query, rank } = select(filters);
      const offset = (page - 1) * pageSize;
      const newestFirst = [
        { column: 'a.published_ms', order: 'desc' },
        { column: 'a.report_id', order: 'desc' },
      ] as const;
      let keys: Knex.QueryBuilder;
      let order: { column: string; order: 'asc' | 'desc' }[];
      if (bySubmission) {
        const newestSubmitted = [
          { column: 'a.submitted_ms', order: 'desc' },
          { column: 'a.report_id', order: 'desc' },
        ] as const;
        keys = query.select('a.report_id', 'a.submitted_ms').orderBy([...newestSubmitted]);
        order = [
          { column: 'p.submitted_ms', order: 'desc' },
          { column: 'p.report_id', order: 'desc' },
        ];
      } else if (sort === 'relevance' && rank) {
        // The newest matches, ranked: one bounded pass however common the words.
        const candidates = query
          .select('a.report_id', { rank })
          .orderBy([...newestFirst])
          .limit(MAX_RANKED_MATCHES)
          .as('m');
        order = [
          { column: 'p.rank', order: 'desc' },
          { column: 'p.report_id', order: 'desc' },
        ];
        keys = knex()(candidates)
          .select('m.report_id', 'm.rank')
          .orderBy([
            { column: 'm.rank', order: 'desc' },
            { column: 'm.report_id', order: 'desc' },
          ]);
      } else {
        const direction = sort === 'oldest' ? 'asc' : 'desc';
        if (after) query.whereRaw(`(a.published_ms, a.report_id) ${direction === 'desc' ? '<' : '>'} (?, ?)`, [after.publishedMs, after.id]);
        order = [
          { column: 'p.published_ms', order: direction },
          { column: 'p.report_id', order: direction },
        ];
        keys = query.select('a.report_id', 'a.published_ms').orderBy([
          { column: 'a.published_ms', order: direction },
          { column: 'a.report_id', order: direction },
        ]);
      }
      keys.offset(after ? 0 : offset).limit(pageSize);
      const rows = (await served(knex()(keys.as('p')).join(`${PROJECTION} as a`, 'a.report_id', 'p.report_id')).orderBy(order)) as RawRow[];
      return rows.map(toRow);
    },

    /**
     * How many reports match: the kept counts when only category and status filter, else a count
     * that stops past MAX_COUNTED_MATCHES (`exact: false` then).
     */
    async total(filters: ArchiveFilters): Promise<{ total: number; exact: boolean }> {
      const { q, from, to, category: slug, status } = filters;
      const kept = !filters.categories && !filters.statuses && !filters.submittedMs && !filters.place;
      if (kept && q === undefined && from === undefined && to === undefined) {
        const counts = knex()(COUNTS).sum({ reports: 'reports' });
        if (slug) counts.where('category_id', categoryIdOf(slug));
        if (status) counts.where('status', status);
        const [row] = (await counts) as { reports: number | string | null }[];
        return { total: Number(row?.reports ?? 0), exact: true };
      }
      const { query } = select(filters);
      const bounded = query.select(knex().raw('1')).limit(MAX_COUNTED_MATCHES + 1);
      const [row] = (await knex().count({ count: '*' }).from(bounded.as('m'))) as { count: number | string }[];
      const count = Number(row?.count ?? 0);
      return count > MAX_COUNTED_MATCHES ? { total: MAX_COUNTED_MATCHES, exact: false } : { total: count, exact: true };
    },

    /** The newest publication's instant, or null. */
    async lastPublishedMs(): Promise<number | null> {
      const row = (await knex()(PROJECTION).max({ last: 'published_ms' }).first()) as { last: number | string | null } | undefined;
      return row?.last === null || row?.last === undefined ? null : Number(row.last);
    },

    /** The published reports of these ids (in no particular order); the others are none. */
    async some(documentIds: readonly string[]): Promise<ArchiveRow[]> {
      const rows = (await served(knex()(`${PROJECTION} as a`).whereIn('a.document_id', [...documentIds]))) as RawRow[];
      return rows.map(toRow);
    },

    /** One published report, or `null`. */
    async one(documentId: string): Promise<ArchiveRow | null> {
      const row = (await served(knex()(`${PROJECTION} as a`).where('a.document_id', documentId)).first()) as RawRow | undefined;
      return row ? toRow(row) : null;
    },

    /** Published reports per category slug, from the kept counts. */
    async countByCategory(): Promise<Map<string, number>> {
      const slug = `c.${column(category, 'slug')}`;
      const rows = (await knex()(`${COUNTS} as k`)
        .join(`${category.tableName} as c`, 'c.id', 'k.category_id')
        .select(`${slug} as slug`)
        .sum({ reports: 'k.reports' })
        .groupBy(slug)) as { slug: string; reports: number | string }[];
      return new Map(rows.map((row) => [row.slug, Number(row.reports)]));
    },
  };
}
