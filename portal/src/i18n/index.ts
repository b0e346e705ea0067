import { DEFAULT_LOCALE, LOCALES, toLocale, type Locale } from '../../../plugins/segnalazioni/server/src/common/domain/messages';
import { en } from './en';
import { it, type Catalogue, type MessageKey } from './it';

/**
 * The portal's language: Italian first, English second (the server's LOCALES). The citizen's
 * choice is remembered in localStorage and stated in `<html lang>`; pages read their words through
 * `t`, and render again when the choice changes.
 */

export type { Locale, MessageKey };
export { LOCALES };

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { it, en };
/** Each language named in itself, as a language switch shows it whatever the page's language. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { it: 'Italiano', en: 'English' };

const KEY = 'sportello.lingua';
const listeners = new Set<() => void>();

function storedLocale(): Locale {
  try {
    return toLocale(localStorage.getItem(KEY) ?? DEFAULT_LOCALE);
  } catch {
    return DEFAULT_LOCALE;
  }
}

let current: Locale = storedLocale();
document.documentElement.lang = current;

export const locale = (): Locale => current;

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Storage refused (private mode): the choice holds for this page's life.
  }
  for (const listener of listeners) listener();
}

export function onLocaleChange(listener: () => void): void {
  listeners.add(listener);
}

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(it, key);

type Values = Readonly<Record<string, string | number>>;

/** A message in the current language, its `{placeholders}` filled in. */
export function t(key: MessageKey, values: Values = {}): string {
  return CATALOGUES[current][key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A message whose placeholders are elements (a link, a bold reference), as the parts to append. */
export function tParts(key: MessageKey, values: Readonly<Record<string, Node>>): (string | Node)[] {
  return CATALOGUES[current][key]
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name !== undefined && values[name] ? values[name] : part;
    });
}
