/** The archive's own tables (made by database/migrations; Strapi ignores tables it did not create). */
export const ARCHIVE_TABLES = {
  /** One row per published report, ready to serve (archive-projection.ts). */
  reports: 'segnalazioni_archive_reports',
  /** Published reports per (category, status). */
  counts: 'segnalazioni_archive_counts',
  /** SQLite's FTS5 index of the public words; PostgreSQL keeps its tsvector in `reports`. */
  sqliteSearch: 'segnalazioni_report_search',
} as const;
