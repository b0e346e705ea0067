/**
 * Italian as a native editor writes it where our texts join a word to a value: the articulated
 * preposition before an office's name ("dall'Ufficio Strade", "dalla Polizia Locale", "dallo
 * Sportello Unico", "dal Servizio Ambiente") and the elided article before a day that begins with
 * a vowel sound ("l'1 dicembre", "dall'8", "dell'11", but "il 2 dicembre").
 */

export const PREPOSITIONS = ['da', 'di', 'a', 'in', 'su'] as const;
export type Preposition = (typeof PREPOSITIONS)[number];

type Article = 'il' | 'lo' | 'la' | "l'" | 'i' | 'gli' | 'le';

/** Each preposition joined with each article. */
const JOINED: Readonly<Record<Preposition, Readonly<Record<Article, string>>>> = {
  da: { il: 'dal', lo: 'dallo', la: 'dalla', "l'": "dall'", i: 'dai', gli: 'dagli', le: 'dalle' },
  di: { il: 'del', lo: 'dello', la: 'della', "l'": "dell'", i: 'dei', gli: 'degli', le: 'delle' },
  a: { il: 'al', lo: 'allo', la: 'alla', "l'": "all'", i: 'ai', gli: 'agli', le: 'alle' },
  in: { il: 'nel', lo: 'nello', la: 'nella', "l'": "nell'", i: 'nei', gli: 'negli', le: 'nelle' },
  su: { il: 'sul', lo: 'sullo', la: 'sulla', "l'": "sull'", i: 'sui', gli: 'sugli', le: 'sulle' },
};

/** The articulated prepositions of `il`, and `il` itself, as they stand before a day. */
const BEFORE_DAY: Readonly<Record<string, string>> = {
  il: "l'",
  ...Object.fromEntries(PREPOSITIONS.map((preposition) => [JOINED[preposition].il, JOINED[preposition]["l'"]])),
};

/** The words right before a value that Italian joins to it: the prepositions, and the articles before a day. */
export const JOINING_WORDS: readonly string[] = [...Object.keys(BEFORE_DAY), ...PREPOSITIONS];

type Gender = 'm' | 'f';
type Noun = { readonly gender: Gender; readonly plural: boolean };

/**
 * The first words of municipal offices' names whose gender or number their ending does not tell
 * (feminine in -e, masculine in -a, plurals), and the commonest ones, so that they never depend
 * on the guess below.
 */
const HEAD_NOUNS: Readonly<Record<string, Noun>> = {
  ufficio: { gender: 'm', plural: false },
  uffici: { gender: 'm', plural: true },
  servizio: { gender: 'm', plural: false },
  servizi: { gender: 'm', plural: true },
  settore: { gender: 'm', plural: false },
  settori: { gender: 'm', plural: true },
  lavori: { gender: 'm', plural: true },
  vigili: { gender: 'm', plural: true },
  sistema: { gender: 'm', plural: false },
  programma: { gender: 'm', plural: false },
  comitato: { gender: 'm', plural: false },
  centrale: { gender: 'f', plural: false },
  anagrafe: { gender: 'f', plural: false },
  gestione: { gender: 'f', plural: false },
  sezione: { gender: 'f', plural: false },
  politiche: { gender: 'f', plural: true },
  attività: { gender: 'f', plural: true },
  aree: { gender: 'f', plural: true },
  unità: { gender: 'f', plural: false },
  urp: { gender: 'm', plural: false },
  comune: { gender: 'm', plural: false },
  città: { gender: 'f', plural: false },
};

/** A noun's gender and number from its ending, for a word the list above does not hold. */
function guessed(word: string): Noun {
  if (/(ione|tà|tù|ice)$/.test(word)) return { gender: 'f', plural: false };
  if (/a$/.test(word)) return { gender: 'f', plural: false };
  if (/i$/.test(word)) return { gender: 'm', plural: true };
  if (/(che|ghe|ie)$/.test(word)) return { gender: 'f', plural: true };
  return { gender: 'm', plural: false };
}

const VOWEL = /^[aeiouàèéìòóù]/i;
/** Where a masculine noun takes `lo` (`gli` in the plural): s + consonant, z, gn, ps, pn, x, y, i + vowel. */
const LO = /^(s[bcdfghjklmnpqrstvwxz]|z|gn|ps|pn|x|y|i[aeiou])/i;

/** The definite article a noun phrase takes, from its first word. */
export function articleOf(phrase: string): Article {
  const word = (phrase.trim().split(/\s+/)[0] ?? '').toLowerCase();
  const { gender, plural } = HEAD_NOUNS[word] ?? guessed(word);
  if (gender === 'f') return plural ? 'le' : VOWEL.test(word) ? "l'" : 'la';
  if (plural) return VOWEL.test(word) || LO.test(word) ? 'gli' : 'i';
  if (LO.test(word)) return 'lo';
  return VOWEL.test(word) ? "l'" : 'il';
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
