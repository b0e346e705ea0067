import { foldAccents, searchDocument } from './search-terms';
import { toPublicReport, type PublicPhoto, type PublicReport, type PublishedReportRecord } from './visibility';

/**
 * A published report as the archive keeps it, ready to serve: what the public may see (`view`, the
 * public report without its category, deadline included), the keys it is filtered and ordered by,
 * and its public words for search. Its category is joined when served, so renaming a category
 * rewrites no report; the category's name still counts among the words a search finds.
 */
export interface ArchiveEntry {
  readonly reportId: number;
  readonly documentId: string;
  /** The citizen's reference: the public id of readers that name reports by it (Open311, open data), never in the view. */
  readonly reference: string;
  /** 0 for a report without category. */
  readonly categoryId: number;
  readonly status: PublicReport['status'];
  readonly publishedMs: number;
  readonly submittedMs: number;
  /** The public title and text, folded as searches fold their words. */
  readonly words: string;
  readonly view: StoredView;
}

export type StoredView = Omit<PublicReport, 'category'>;

export interface ArchivedReport extends PublishedReportRecord {
  readonly id: number;
  readonly reference: string;
  readonly category?: { readonly id: number; readonly name: string; readonly slug: string } | null;
}

export const NO_CATEGORY = 0;

const millis = (value: string | Date) => new Date(value).getTime();

export function archiveEntryOf(report: ArchivedReport, photos: readonly PublicPhoto[]): ArchiveEntry {
  const { category: _category, ...view } = toPublicReport(report, photos, { deadlines: true });
  return {
    reportId: report.id,
    documentId: report.documentId,
    reference: report.reference,
    categoryId: report.category?.id ?? NO_CATEGORY,
    status: view.status,
    publishedMs: millis(report.publishedOn ?? report.submittedAt),
    submittedMs: millis(report.submittedAt),
    words: searchDocument([view.title, view.text]),
    view,
  };
}

/** The category's share of a report's searchable text: appended, so a rename rewrites only this part. */
export const categoryWords = (categoryName: string | null | undefined) => (categoryName ? ` \n${foldAccents(categoryName)}` : '');

/** What a search matches: the report's public words and its category's name. */
export const searchableText = (words: string, categoryName: string | null | undefined) => `${words}${categoryWords(categoryName)}`;

/**
 * The public report served from a kept entry. Deadlines are kept always and shown only when the
 * municipality chooses to (`publicDeadlines`), so switching that setting needs no rebuild.
 */
export function servedReport(
  view: StoredView,
  category: { readonly name: string; readonly slug: string } | null,
  { deadlines }: { readonly deadlines: boolean },
): PublicReport {
  const { deadline, ...rest } = view;
  // Views kept before duplicates existed have no `duplicateOf`: none of them is one.
  return { ...rest, duplicateOf: rest.duplicateOf ?? null, category, ...(deadlines && deadline !== undefined ? { deadline } : {}) };
}
