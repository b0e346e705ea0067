import { z } from 'zod';

/**
 * What every free text people send becomes before it is checked, stored or shown: a title, a
 * description, an address, a name, a chat message, an officer's reply. Only what a reader sees is
 * kept, so that "not empty" and "at least N characters" mean what they say, nobody can turn the
 * panel's or the archive's text around with bidi controls, and PostgreSQL never receives a NUL.
 *
 * - Line breaks become `\n` (`\r\n`, `\r`, NEL, U+2028/2029); in a one-line text they and tabs
 *   become spaces, and runs of spaces one space.
 * - Control characters (C0, C1, NUL, DEL) and lone surrogates are removed.
 * - Invisible and format characters (zero-width space, word joiner, BOM, soft hyphen, bidi marks,
 *   embeddings, overrides and isolates, Hangul fillers, tag characters…) are removed, except where
 *   they are part of what is written: a zero-width joiner inside an emoji sequence (👩‍💻) or
 *   between letters of a script that joins (Arabic, Persian, Indic), a zero-width non-joiner in
 *   those scripts, a variation selector after a character (❤️), the tags of a subdivision flag.
 * - Other spaces (no-break, thin, ideographic…) become a plain space.
 * - The result is in NFC (a letter and its combining accent become the one accented letter) and
 *   trimmed.
 */

export type TextShape = 'line' | 'lines';

const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;
/** A subdivision flag (🏴 + tag letters or digits + cancel tag), or any other tag character. */
const FLAG_OR_TAG = /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,6}\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
const TAG = /[\u{E0020}-\u{E007F}]/u;
const CONTROL = /\p{Cc}/u;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const SPACE = /\p{Zs}/u;
/** A single UTF-16 unit in the surrogate range: half of a pair, alone. */
const LONE_SURROGATE = /^[\uD800-\uDFFF]$/;
const VARIATION_SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const ZWJ = '\u200D';
const ZWNJ = '\u200C';
/** What may come before a joiner in an emoji sequence: an emoji, a skin tone, an emoji presentation selector. */
const EMOJI_BEFORE_JOINER = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const EMOJI_AFTER_JOINER = /[\p{Extended_Pictographic}\u{1F9B0}-\u{1F9B3}]/u;
/** Scripts whose writing uses ZWJ and ZWNJ between letters (Persian "می‌خواهم", Devanagari half forms). */
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}]/u;
/**
 * What a reader sees as one character: a flag (a pair of regional indicators), an emoji that does
 * not continue a ZWJ sequence, or any other letter, digit, punctuation mark or symbol (skin tones
 * belong to the emoji before them). Marks, joiners and selectors belong to what precedes them.
 */
const SEEN =
  /\p{Regional_Indicator}{1,2}|(?<!\u200D)\p{Extended_Pictographic}|(?![\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}])[\p{L}\p{N}\p{P}\p{S}]/gu;
/** What continues the character before it: a mark, a skin tone, a joiner, a selector, a tag. */
const CONTINUES = /^(?:\p{M}|\p{Emoji_Modifier}|\u200C|\u200D|[\uFE00-\uFE0F]|[\u{E0020}-\u{E007F}]|[\u{E0100}-\u{E01EF}])/u;
const REGIONAL_INDICATOR = /^\p{Regional_Indicator}/u;

function keepsInvisible(char: string, before: string | undefined, after: string | undefined): boolean {
  if (TAG.test(char)) return true; // only flag sequences are left at this point
  if (before === undefined || SPACE.test(before) || CONTROL.test(before)) return false;
  if (VARIATION_SELECTOR.test(char)) return true;
  const joinsScript = JOINING_SCRIPT.test(before) && after !== undefined && JOINING_SCRIPT.test(after);
  if (char === ZWNJ) return joinsScript;
  if (char === ZWJ) return joinsScript || (EMOJI_BEFORE_JOINER.test(before) && after !== undefined && EMOJI_AFTER_JOINER.test(after));
  return false;
}

/** The text as it is kept: see the rules above. */
export function plainText(raw: string, shape: TextShape): string {
  const chars = Array.from(raw.replace(LINE_BREAK, '\n').replace(FLAG_OR_TAG, (_match, flag: string | undefined) => flag ?? ''));
  let kept = '';
  let last: string | undefined;
  for (const [index, char] of chars.entries()) {
    let out: string | null;
    if (LONE_SURROGATE.test(char)) out = null;
    else if (char === '\n' || char === '\t') out = shape === 'lines' ? char : ' ';
    else if (CONTROL.test(char)) out = null;
    else if (SPACE.test(char)) out = ' ';
    else if (INVISIBLE.test(char)) out = keepsInvisible(char, last, chars[index + 1]) ? char : null;
    else out = char;
    if (out === null) continue;
    kept += out;
    last = out;
  }
  const text = kept.normalize('NFC');
  return (shape === 'line' ? text.replace(/ {2,}/g, ' ') : text).trim();
}

/**
 * How many characters a reader sees. Counted with regular expressions, not `Intl.Segmenter`, whose
 * iteration is quadratic in V8 (200,000 characters take minutes).
 */
export function visibleLength(text: string): number {
  return text.match(SEEN)?.length ?? 0;
}

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Regional indicators (two units each) just before `end`. */
function indicatorsBefore(text: string, end: number): number {
  let count = 0;
  while (end - 2 * (count + 1) >= 0 && REGIONAL_INDICATOR.test(text.slice(end - 2 * (count + 1), end - 2 * count))) count += 1;
  return count;
}

/** The longest start of `text` of at most `max` UTF-16 units that does not end inside a character or an emoji. */
export function leading(text: string, max: number): string {
  let end = Math.min(max, text.length);
  while (end > 0 && end < text.length) {
    const rest = text.slice(end, end + 2);
    if (isLowSurrogate(text.charCodeAt(end)) || CONTINUES.test(rest) || text[end - 1] === '\u200D') end -= 1;
    else if (REGIONAL_INDICATOR.test(rest) && indicatorsBefore(text, end) % 2 === 1) end -= 2;
    else break;
  }
  return text.slice(0, end);
}

/** `text` cut to at most `max` UTF-16 units, ellipsis included, never inside a character or an emoji. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${leading(text, max - 1).trimEnd()}…`;
}

interface FieldRule {
  readonly min: number;
  readonly max: number;
  readonly shape: TextShape;
  /** The message when fewer than `min` characters are visible; by default "almeno N caratteri visibili". */
  readonly tooShort?: string;
}

/**
 * A free-text field of a request: any string, made plain text first, then held to its length
 * rules (visible characters for the minimum, stored length for the maximum). Messages in Italian.
 */
export function textField(label: string, { min, max, shape, tooShort }: FieldRule) {
  const field = z.string({ error: `${label}: deve essere un testo.` }).overwrite((value) => plainText(value, shape));
  const bounded =
    min > 0
      ? field.refine((value) => visibleLength(value) >= min, {
          error: tooShort ?? `${label}: almeno ${min} ${min === 1 ? 'carattere visibile' : 'caratteri visibili'}.`,
        })
      : field;
  return bounded.max(max, { error: `${label}: al massimo ${max} caratteri.` });
}
