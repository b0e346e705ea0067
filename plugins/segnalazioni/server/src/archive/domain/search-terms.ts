import { isReference } from '../../intake/domain/reference';
import { formatProtocolNumber, parseProtocolNumber } from '../../intake/domain/protocol-number';

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

/** A search that is a report's reference ("k7qm-3xpa") or protocol number ("2026/000042") names that report. */
export function identifierOf(q: string): { references: string[]; protocolNumbers: string[] } | null {
  const text = q.trim();
  if (isReference(text.toUpperCase())) return { references: [text.toUpperCase()], protocolNumbers: [] };
  const protocol = parseProtocolNumber(text);
  return protocol ? { references: [], protocolNumbers: [formatProtocolNumber(protocol)] } : null;
}

/** What of a published report is searchable: only its public words. */
export const searchDocument = (parts: readonly (string | null | undefined)[]) => foldAccents(parts.filter(Boolean).join(' \n'));
