import type { Core } from '@strapi/strapi';
import type { ArchiveQuery } from './domain/archive-query';
import { encodeCursor, lastPagedPage } from './domain/archive-cursor';
import { servedReport } from './domain/archive-entry';
import { identifierOf, searchWords } from './domain/search-terms';
import { archiveRows, type ArchivePageQuery, type ArchiveRow } from './archive-rows';
import { PUBLISHED_WHERE, type PublicReport } from './domain/visibility';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { settingOf } from '../common/settings';

/** A published report with its citizen's reference, for readers that name reports by it (Open311, open data). */
export interface ReferencedReport {
  readonly report: PublicReport;
  readonly reference: string;
}

export interface ArchivePage {
  data: PublicReport[];
  pagination: {
    page: number;
    pageSize: number;
    /** The pages page numbers reach (the first 10,000 reports at most). */
    pageCount: number;
    total: number;
    /** `false` when the matches were counted only up to a bound: there are at least `total`. */
    totalExact: boolean;
  };
  /** The next page in publication order, for keyset pagination; `null` on the last page or for relevance. */
  cursor: { next: string | null };
}

/**
 * The public archive: REST, GraphQL and the portal all read it here, from its projection
 * (archive-projection.ts), where the workflow keeps what the public may see of each published report.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = archiveRows(strapi);
  const deadlines = () => settingOf(strapi, 'publicDeadlines') === true;
  const serve = (row: ArchiveRow) => servedReport(row.view, row.category, { deadlines: deadlines() });
  const referenced = (row: ArchiveRow): ReferencedReport => ({ report: serve(row), reference: row.reference });

  const remember = <T>(key: string, compute: () => Promise<T>) => getService(strapi, 'archive-version').remember(key, compute);

  /** The published reports a citizen's references or protocol numbers name (one that is not published is none). */
  async function named(identifiers: { readonly references: readonly string[]; readonly protocolNumbers: readonly string[] }): Promise<ArchiveRow[]> {
    const reports = await strapi.db.query(UID.report).findMany({
      where: {
        ...PUBLISHED_WHERE,
        $or: [{ reference: { $in: [...identifiers.references] } }, { protocolNumber: { $in: [...identifiers.protocolNumbers] } }],
      },
      select: ['documentId'],
    });
    return reports.length ? rows.some(reports.map(({ documentId }) => documentId as string)) : [];
  }

  async function list(query: ArchiveQuery): Promise<ArchivePage> {
    const { page, pageSize, sort } = query;
    // A reference or a protocol number names its report, within the category and status asked for.
    const identifiers = query.q === undefined ? null : identifierOf(query.q);
    if (identifiers) {
      const found = (await named(identifiers))
        .map(serve)
        .filter((report) => (!query.category || report.category?.slug === query.category) && (!query.status || report.status === query.status));
      const shown = page === 1 ? found.slice(0, pageSize) : [];
      return { data: shown, pagination: { page, pageSize, pageCount: found.length ? 1 : 0, total: found.length, totalExact: true }, cursor: { next: null } };
    }
    // Words made only of punctuation select nothing.
    if (query.q !== undefined && searchWords(query.q).length === 0) {
      return { data: [], pagination: { page, pageSize, pageCount: 0, total: 0, totalExact: true }, cursor: { next: null } };
    }
    const [found, { total, exact }] = await Promise.all([rows.page(query), rows.total(query)]);
    const last = found.at(-1);
    const next =
      sort !== 'relevance' && last && found.length === pageSize && (!exact || page * pageSize < total)
        ? encodeCursor({ sort, publishedMs: last.publishedMs, id: last.reportId, page: page + 1 })
        : null;
    return {
      data: found.map(serve),
      // Pages a page number reaches; beyond them a client follows the cursor.
      pagination: { page, pageSize, pageCount: Math.min(Math.ceil(total / pageSize), lastPagedPage(pageSize)), total, totalExact: exact },
      cursor: { next },
    };
  }

  // The in-process cache is a layer on top: answers computed once per archive version, bounded.
  return {
    list: (query: ArchiveQuery) => remember(`list:${JSON.stringify(query)}`, () => list(query)),
    findOne: (documentId: string) =>
      remember(`one:${documentId}`, async () => {
        const row = await rows.one(documentId);
        return row ? serve(row) : null;
      }),
    /** A page of published reports for another reader of the archive (Open311): its reports with their references, no totals. */
    page: (query: ArchivePageQuery) => remember(`page:${JSON.stringify(query)}`, async () => (await rows.page(query)).map(referenced)),
    /** The published reports a citizen's reference or a protocol number names (one that is not published is none). */
    byIdentifiers: (identifiers: { readonly references: readonly string[]; readonly protocolNumbers: readonly string[] }) =>
      remember(`identifiers:${JSON.stringify(identifiers)}`, async () => (await named(identifiers)).map(referenced)),
    /**
     * Every published report, oldest publication first, `batch` at a time with their references:
     * each batch one indexed seek after the last (for open-data downloads; never cached, never all in memory).
     */
    async *everyPublished(batch: number): AsyncGenerator<ReferencedReport[]> {
      let after: ArchivePageQuery['after'];
      for (let page = 1; ; page += 1) {
        const found = await rows.page({ sort: 'oldest', after, page: 1, pageSize: batch });
        if (found.length === 0) return;
        yield found.map(referenced);
        if (found.length < batch) return;
        const last = found[found.length - 1];
        after = { sort: 'oldest', publishedMs: last.publishedMs, id: last.reportId, page: page + 1 };
      }
    },
    /** When a report was last published, or null. */
    lastPublishedAt: async (): Promise<string | null> => {
      const ms = await rows.lastPublishedMs();
      return ms === null ? null : new Date(ms).toISOString();
    },
    /** Published reports per category slug. */
    countByCategory: () => remember('per-category', () => rows.countByCategory()),
  };
};
