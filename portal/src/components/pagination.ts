import type { Pagination } from '../api';
import { h, icon } from '../dom';
import { t } from '../i18n';

/** The pages around the current one, with first and last always reachable. */
function visiblePages(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((n, index) => (index > 0 && n - sorted[index - 1] > 1 ? [null, n] : [n]));
}

/** Bootstrap Italia's pagination; `hrefOf` builds each page's address, so every page is a real link. */
export function paginationNav(pagination: Pagination, hrefOf: (page: number) => string): HTMLElement | null {
  const { page, pageCount } = pagination;
  if (pageCount <= 1) return null;
  const step = (target: number, label: string, iconName: string) =>
    h(
      'li',
      { class: `page-item${target < 1 || target > pageCount ? ' disabled' : ''}` },
      target < 1 || target > pageCount
        ? h('span', { class: 'page-link', 'aria-hidden': 'true' }, icon(iconName, { className: 'icon-primary' }))
        : h('a', { class: 'page-link', href: hrefOf(target) }, icon(iconName, { className: 'icon-primary' }), h('span', { class: 'visually-hidden' }, label)),
    );
  return h(
    'nav',
    { class: 'pagination-wrapper justify-content-center', 'aria-label': t('pagination.label') },
    h(
      'ul',
      { class: 'pagination' },
      step(page - 1, t('pagination.previous'), 'it-chevron-left'),
      visiblePages(page, pageCount).map((n) =>
        n === null
          ? h('li', { class: 'page-item' }, h('span', { class: 'page-link' }, '…'))
          : h(
              'li',
              { class: 'page-item' },
              h(
                'a',
                { class: 'page-link', href: hrefOf(n), 'aria-current': n === page ? 'page' : null },
                h('span', { class: 'visually-hidden' }, `${t('pagination.page')} `),
                String(n),
              ),
            ),
      ),
      step(page + 1, t('pagination.next'), 'it-chevron-right'),
    ),
  );
}
