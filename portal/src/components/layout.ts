import { h, type Child } from '../dom';
import { t } from '../i18n';

export interface Crumb {
  readonly label: string;
  readonly href: string;
}

/**
 * A page of the comuni template: breadcrumb, the one `h1` (focusable, so that a page change can
 * move focus to it), an optional lead, then the content.
 */
export function pageLayout({ title, trail = [], lead }: { title: string; trail?: readonly Crumb[]; lead?: Child }, ...content: Child[]): HTMLElement {
  const crumbs = [{ label: t('nav.home'), href: '/sportello' }, ...trail];
  return h(
    'div',
    { class: 'container px-3 px-lg-4 my-4' },
    h(
      'nav',
      { class: 'breadcrumb-container', 'aria-label': t('nav.breadcrumb') },
      h(
        'ol',
        { class: 'breadcrumb p-0' },
        crumbs.map((crumb) =>
          h('li', { class: 'breadcrumb-item' }, h('a', { href: crumb.href }, crumb.label), h('span', { class: 'separator', 'aria-hidden': 'true' }, '/')),
        ),
        h('li', { class: 'breadcrumb-item active', 'aria-current': 'page' }, title),
      ),
    ),
    h('h1', { tabindex: '-1', class: 'mb-3' }, title),
    lead ? h('p', { class: 'lead' }, lead) : null,
    content,
  );
}

/** A message box; `polite` ones are announced when they appear. */
export function alertBox(kind: 'success' | 'info' | 'warning' | 'danger', ...content: Child[]): HTMLElement {
  return h('div', { class: `alert alert-${kind}`, role: kind === 'danger' ? 'alert' : 'status' }, content);
}

/** A region whose changes assistive technologies read out (search results, step outcomes). */
export function liveRegion(className = ''): HTMLElement {
  return h('div', { 'aria-live': 'polite', class: className });
}

export type DetailRow = readonly [label: string, value: Child];

/** A label/value list, skipping the values that are not there; `stacked` for narrow columns. */
export function detailsList(rows: readonly DetailRow[], { stacked = false } = {}): HTMLElement {
  const present = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (stacked)
    return h(
      'dl',
      { class: 'details-list stacked mb-0' },
      present.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]),
    );
  return h(
    'dl',
    { class: 'row details-list' },
    present.map(([label, value]) => [h('dt', { class: 'col-sm-5 col-lg-4' }, label), h('dd', { class: 'col-sm-7 col-lg-8' }, value)]),
  );
}
