/**
 * Italian as a native editor writes it where our texts join a word to a value: the articulated
 * preposition before an office's name ("dall'Ufficio Strade", "dalla Polizia Locale", "dallo
 * Sportello Unico", "dal Servizio Ambiente") and the elided article before a day that begins with
 * a vowel sound ("l'1 dicembre", "dall'8", "dell'11", but "il 2 dicembre").
 */

export const PREPOSITIONS = ['da', 'di', 'a', 'in', 'su'] as const;
export type Preposition = (typeof PREPOSITIONS)[number];

type Article = 'il' | 'lo' | 'la' | "l'";

/** Each preposition joined with each article. */
const JOINED: Readonly<Record<Preposition, Readonly<Record<Article, string>>>> = {
  da: { il: 'dal', lo: 'dallo', la: 'dalla', "l'": "dall'" },
  di: { il: 'del', lo: 'dello', la: 'della', "l'": "dell'" },
  a: { il: 'al', lo: 'allo', la: 'alla', "l'": "all'" },
  in: { il: 'nel', lo: 'nello', la: 'nella', "l'": "nell'" },
  su: { il: 'sul', lo: 'sullo', la: 'sulla', "l'": "sull'" },
};

/** The articulated prepositions of `il`, and `il` itself, as they stand before a day. */
const BEFORE_DAY: Readonly<Record<string, string>> = {
  il: "l'",
  ...Object.fromEntries(PREPOSITIONS.map((preposition) => [JOINED[preposition].il, JOINED[preposition]["l'"]])),
};

/** Masculine nouns in -a an office's name may begin with. */
const MASCULINE_IN_A = new Set(['sistema', 'programma', 'problema', 'comitato']);

const VOWEL = /^[aeiouàèéìòóù]/i;
/** Where a masculine noun takes `lo`: s + consonant, z, gn, ps, pn, x, y, i + vowel. */
const LO = /^(s[bcdfghjklmnpqrstvwxz]|z|gn|ps|pn|x|y|i[aeiou])/i;

/** The definite article a noun phrase takes, from its first word. */
export function articleOf(phrase: string): Article {
  const word = phrase.trim().split(/\s+/)[0] ?? '';
  if (VOWEL.test(word)) return "l'";
  const lower = word.toLowerCase();
  const feminine = (/a$/.test(lower) && !MASCULINE_IN_A.has(lower)) || /(zione|sione|gione|tà|tù)$/.test(lower);
  // `lo` is masculine only: "la zona", "lo sportello".
  if (feminine) return 'la';
  return LO.test(word) ? 'lo' : 'il';
}

/** The preposition joined to the noun phrase's article, and the phrase: `withArticle('da', 'Ufficio Strade')` → "dall'Ufficio Strade". */
export function withArticle(preposition: Preposition, phrase: string): string {
  const joined = JOINED[preposition][articleOf(phrase)];
  return joined.endsWith("'") ? `${joined}${phrase.trim()}` : `${joined} ${phrase.trim()}`;
}

const MONTHS = 'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
/** A written date ("1 dicembre 2026, 10:30"), and one whose day is said with a vowel: uno, otto, undici. */
const DATE = new RegExp(`^\\d{1,2} (${MONTHS})\\b`);
const VOWEL_DAY = new RegExp(`^(1|8|11) (${MONTHS})\\b`);
export const isWrittenDate = (text: string): boolean => DATE.test(text.trim());

/** `il`, `dal`, `del`… before a written date, elided when the day is said with a vowel: "entro l'1 dicembre". */
export function articleBeforeDay(article: string, date: string): string {
  const elided = BEFORE_DAY[article.toLowerCase()];
  return elided && VOWEL_DAY.test(date.trim()) ? elided : article;
}

export const isArticleBeforeDay = (word: string): boolean => word.toLowerCase() in BEFORE_DAY;
export const isPreposition = (word: string): word is Preposition => (PREPOSITIONS as readonly string[]).includes(word);
