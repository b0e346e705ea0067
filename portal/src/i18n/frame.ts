import { isMessageKey, t } from './index';

/**
 * The page's frame (skip links, menu, footer) is in index.html, in Italian for browsers without
 * JavaScript; its texts carry their catalogue keys — `data-i18n` for the text, `data-i18n-label`
 * for the accessible name — and are written again in the chosen language.
 */
export function translateFrame(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n ?? '';
    if (isMessageKey(key)) element.textContent = t(key);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = element.dataset.i18nLabel ?? '';
    if (isMessageKey(key)) element.setAttribute('aria-label', t(key));
  }
}
