import { h } from '../dom';
import { LANGUAGE_NAMES, LOCALES, locale, onLocaleChange, setLocale, t } from '../i18n';

/**
 * IT / EN in the header: toggle buttons, each named in its own language. They stay in place when
 * the language changes, so keyboard focus stays on the one just pressed.
 */
export function startLanguageSwitch(zone: HTMLElement): void {
  const buttons = LOCALES.map((code) =>
    h(
      'button',
      { type: 'button', lang: code, class: 'btn btn-sm', onClick: () => setLocale(code) },
      code.toUpperCase(),
      h('span', { class: 'visually-hidden' }, ` ${LANGUAGE_NAMES[code]}`),
    ),
  );
  const group = h('div', { class: 'btn-group language-switch', role: 'group' }, buttons);
  const update = () => {
    group.setAttribute('aria-label', t('frame.language'));
    LOCALES.forEach((code, index) => buttons[index].setAttribute('aria-pressed', String(code === locale())));
  };
  update();
  onLocaleChange(update);
  zone.replaceChildren(group);
}
