import { NavBarCollapsible } from 'bootstrap-italia';
import { api } from './api';
import { startLanguageSwitch } from './components/language-switch';
import { h, icon, replaceChildren } from './dom';
import { onLocaleChange, t } from './i18n';
import { BASE, navigate } from './router';
import { currentSession, endSession, onSessionChange } from './session';

/**
 * The parts of the comuni template's header that change with the page: the language switch, the
 * personal area (log in, or the citizen's name and "Esci") and the current menu item.
 */

function renderPersonalArea(zone: HTMLElement): void {
  const session = currentSession();
  if (!session) {
    replaceChildren(
      zone,
      h(
        'a',
        { class: 'btn btn-primary btn-icon btn-full', href: `${BASE}/accesso`, 'aria-label': t('header.login'), 'data-element': 'personal-area-login' },
        h('span', { class: 'rounded-icon' }, icon('it-user', { className: 'icon-primary' })),
        h('span', { class: 'd-none d-lg-block' }, t('header.login')),
      ),
    );
    return;
  }
  const logout = h('button', { type: 'button', class: 'btn btn-sm btn-outline-light' }, t('header.logout'));
  logout.addEventListener('click', async () => {
    logout.disabled = true;
    // The server ends the tokens first; whatever it answers (offline, already ended), this tab forgets its own.
    await api.logout().catch(() => undefined);
    endSession();
    navigate(BASE);
  });
  replaceChildren(
    zone,
    h(
      'div',
      { class: 'd-flex align-items-center gap-3' },
      h(
        'a',
        { class: 'text-white', href: `${BASE}/le-mie-segnalazioni`, 'aria-label': t('header.personalArea', { name: session.name }) },
        icon('it-user', { className: 'icon-white icon-sm me-1' }),
        h('span', { class: 'd-none d-md-inline' }, session.name),
      ),
      logout,
    ),
  );
}

/** Marks the menu item of the current section, for sighted users and screen readers alike. */
export function markCurrentSection(path: string): void {
  const section = path === BASE ? `${BASE}/segnalazioni` : path;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#menu-principale a.nav-link')) {
    const current = section === link.pathname || section.startsWith(`${link.pathname}/`);
    link.classList.toggle('active', current);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // On a phone the menu is a panel over the page: close it once a page was chosen.
  const menu = document.getElementById('menu-principale');
  if (menu) NavBarCollapsible.getInstance(menu)?.hide();
}

export function startHeader(): void {
  const languages = document.getElementById('lingua');
  if (languages) startLanguageSwitch(languages);
  const zone = document.getElementById('area-personale');
  if (!zone) return;
  renderPersonalArea(zone);
  onSessionChange(() => renderPersonalArea(zone));
  onLocaleChange(() => renderPersonalArea(zone));
}
