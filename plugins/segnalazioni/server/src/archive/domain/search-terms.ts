/**
 * Words of an archive search, ready for the database: lower case, accents folded ("perché" finds
 * "perche"), every word a prefix ("cassonett" finds "cassonetto"), all words required.
 */

export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

export function searchWords(q: string, max = 8): string[] {
  return [
    ...new Set(
      foldAccents(q)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 0),
    ),
  ].slice(0, max);
}

/** PostgreSQL `to_tsquery` text: `cassonett:* & pieno:*`. */
export const toTsQuery = (words: readonly string[]) => words.map((word) => `${word}:*`).join(' & ');

/** SQLite FTS5 MATCH text: `"cassonett"* AND "pieno"*`. */
export const toFts5Query = (words: readonly string[]) => words.map((word) => `"${word}"*`).join(' AND ');

/** What of a published report is searchable: only its public words. */
export const searchDocument = (parts: readonly (string | null | undefined)[]) => foldAccents(parts.filter(Boolean).join(' \n'));
