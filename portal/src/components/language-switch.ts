import { api } from '../api';
import { h } from '../dom';
import { LANGUAGE_NAMES, LOCALES, locale, onLocaleChange, setLocale, t, type Locale } from '../i18n';
import { currentSession } from '../session';

/** The citizen's choice: the portal's language, and while logged in their mails' too. */
function choose(code: Locale): void {
  if (code === locale()) return;
  setLocale(code);
  // A failure leaves the mails in the account's language until the next choice; the page needs no answer.
  if (currentSession()) api.setLanguage(code).catch(() => undefined);
}

/**
 * IT / EN in the header: toggle buttons, each named in its own language. They stay in place when
 * the language changes, so keyboard focus stays on the one just pressed. A logged-in citizen's
 * choice is also their account's, for their mails.
 */
export function startLanguageSwitch(zone: HTMLElement): void {
  const buttons = LOCALES.map((code) =>
    h(
      'button',
      { type: 'button', lang: code, class: 'btn btn-sm', onClick: () => choose(code) },
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
