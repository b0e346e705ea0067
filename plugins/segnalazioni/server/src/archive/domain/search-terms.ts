/**
 * Words of an archive search, ready for the database: lower case, accents folded ("perché" finds
 * "perche"), all words required. PostgreSQL matches each word by its Italian stem ("cassonetti" and
 * "cassonett" find "cassonetto"); SQLite, which has no stemmer, by prefix.
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

/**
 * PostgreSQL `to_tsquery` text: `cassonett & pieno`, each word stemmed by the Italian configuration.
 * Not prefixes: a prefix is matched by collecting every row of every word it begins, which the GIN
 * index cannot skip through, so a short common one ("via:*") costs a pass over the whole archive.
 */
export const toTsQuery = (words: readonly string[]) => words.join(' & ');

/** SQLite FTS5 MATCH text: `"cassonett"* AND "pieno"*`. */
export const toFts5Query = (words: readonly string[]) => words.map((word) => `"${word}"*`).join(' AND ');

/** What of a published report is searchable: only its public words. */
export const searchDocument = (parts: readonly (string | null | undefined)[]) => foldAccents(parts.filter(Boolean).join(' \n'));
