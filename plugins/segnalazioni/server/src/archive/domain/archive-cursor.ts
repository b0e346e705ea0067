/**
 * Keyset ("seek") pagination of the archive: a cursor names the last report of a page by the keys
 * the archive is ordered by (publication instant, then id), so the next page starts right after it
 * whatever its depth, and a report published meanwhile does not shift what follows. It also carries
 * the page number it leads to, so that a page reached by cursor still says where it is. Opaque to
 * clients (base64url), checked strictly when it comes back.
 */

export type SeekSort = 'newest' | 'oldest';

export interface ArchiveCursor {
  readonly sort: SeekSort;
  readonly publishedMs: number;
  readonly id: number;
  /** The page this cursor opens. */
  readonly page: number;
}

const SHAPE = /^(n|o)\.(\d{1,15})\.(\d{1,12})\.(\d{1,9})$/;

export function encodeCursor({ sort, publishedMs, id, page }: ArchiveCursor): string {
  return Buffer.from(`${sort === 'newest' ? 'n' : 'o'}.${publishedMs}.${id}.${page}`, 'utf8').toString('base64url');
}

/** The cursor `text` names, or `null` when it is not one this archive gave. */
export function decodeCursor(text: string): ArchiveCursor | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return null;
  const match = SHAPE.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) return null;
  const [, sort, publishedMs, id, page] = match;
  const cursor = { sort: sort === 'n' ? 'newest' : 'oldest', publishedMs: Number(publishedMs), id: Number(id), page: Number(page) } as const;
  return cursor.id > 0 && cursor.page >= 2 ? cursor : null;
}

/**
 * Page numbers reach this many reports deep (as search engines bound their result windows); past
 * them a client follows the cursor, which costs the same at any depth.
 */
export const MAX_PAGED_REPORTS = 10_000;

/** The last page that page numbers reach, for pages of `pageSize`. */
export const lastPagedPage = (pageSize: number) => Math.ceil(MAX_PAGED_REPORTS / pageSize);

/** Whether `page` of `pageSize` lies within the reach of page numbers. */
export const isWithinPagedReach = (page: number, pageSize: number) => page <= lastPagedPage(pageSize);

/**
 * Counting the matches of a search or date range stops here: beyond it the total is given as
 * "at least" (`totalExact: false`), so a count never reads the whole archive.
 */
export const MAX_COUNTED_MATCHES = 1000;
