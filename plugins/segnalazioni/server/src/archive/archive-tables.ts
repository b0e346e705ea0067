/** The archive's own tables (made by database/migrations; Strapi ignores tables it did not create). */
export const ARCHIVE_TABLES = {
  /** One row per published report with the keys a page is found by, and its search vector on PostgreSQL (archive-projection.ts). */
  reports: 'segnalazioni_archive_reports',
  /** Beside each: what is served of it (`view`) and its folded public words. */
  views: 'segnalazioni_archive_views',
  /** Published reports per (category, status). */
  counts: 'segnalazioni_archive_counts',
  /** SQLite's FTS5 index of the public words; PostgreSQL keeps its tsvector in `reports`. */
  sqliteSearch: 'segnalazioni_report_search',
} as const;
