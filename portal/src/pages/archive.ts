import { PUBLIC_STATUSES } from '../../../plugins/segnalazioni/server/src/workflow/domain/report-states';
import { api, ApiError, type Page, type PublicCategory, type PublicReport } from '../api';
import { archiveMap } from '../components/archive-map';
import { alertBox, pageLayout } from '../components/layout';
import { inputField, selectField } from '../components/forms';
import { paginationNav } from '../components/pagination';
import { reportCard, statusLine } from '../components/report-parts';
import { h, icon } from '../dom';
import { formatDate, statusLabel } from '../format';
import { BASE, navigate, type PageRenderer } from '../router';
import { t } from '../i18n';

/** The archive's filters as they stand in the address bar (Italian names), and as the API takes them. */
const SORTS = { recenti: 'newest', 'meno-recenti': 'oldest', pertinenza: 'relevance' } as const;
type SortName = keyof typeof SORTS;

interface Filters {
  readonly q: string;
  readonly categoria: string;
  readonly stato: string;
  readonly dal: string;
  readonly al: string;
  readonly ordine: string;
  readonly pagina: number;
  /** `mappa` for the map, else the list. */
  readonly vista: string;
}

const NO_FILTERS: Filters = { q: '', categoria: '', stato: '', dal: '', al: '', ordine: '', pagina: 1, vista: '' };
const MAP_VIEW = 'mappa';
const PAGE_SIZE = 10;
const ARCHIVE = `${BASE}/segnalazioni`;

function readFilters(query: URLSearchParams): Filters {
  const read = (name: string) => query.get(name)?.trim() ?? '';
  const page = Number(read('pagina'));
  return {
    q: read('q'),
    categoria: read('categoria'),
    stato: read('stato'),
    dal: read('dal'),
    al: read('al'),
    ordine: read('ordine'),
    pagina: Number.isInteger(page) && page > 0 ? page : 1,
    vista: read('vista') === MAP_VIEW ? MAP_VIEW : '',
  };
}

function addressOf(filters: Filters, page = 1): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'categoria', 'stato', 'dal', 'al', 'ordine', 'vista'] as const) if (filters[name]) params.set(name, filters[name]);
  if (page > 1) params.set('pagina', String(page));
  const search = params.toString();
  return search ? `${ARCHIVE}?${search}` : ARCHIVE;
}

/** What the list and the map both ask the archive for. */
const filterQuery = (filters: Filters) => ({
  q: filters.q,
  category: filters.categoria,
  status: filters.stato,
  from: filters.dal,
  to: filters.al,
  sort: filters.ordine in SORTS ? SORTS[filters.ordine as SortName] : undefined,
});

const apiQuery = (filters: Filters) => ({ ...filterQuery(filters), page: filters.pagina, pageSize: PAGE_SIZE });

/** Browsing by category starts afresh, as its count does: the search form combines a category with the rest. */
function categoryList(categories: readonly PublicCategory[], filters: Filters): HTMLElement {
  const link = (label: string, slug: string, count: number) =>
    h(
      'li',
      {},
      h(
        'a',
        {
          class: 'list-item d-flex justify-content-between',
          href: addressOf({ ...NO_FILTERS, categoria: slug }),
          'aria-current': filters.categoria === slug ? 'true' : null,
        },
        h('span', {}, label),
        h(
          'span',
          { class: 'badge bg-light text-dark' },
          String(count),
          h('span', { class: 'visually-hidden' }, ` ${t(count === 1 ? 'archive.reportOne' : 'archive.reportMany')}`),
        ),
      ),
    );
  const total = categories.reduce((sum, category) => sum + category.reportCount, 0);
  return h(
    'nav',
    { 'aria-labelledby': 'titolo-categorie', class: 'mb-4' },
    h('h2', { id: 'titolo-categorie', class: 'h4' }, t('archive.categories')),
    h(
      'div',
      { class: 'link-list-wrapper' },
      h(
        'ul',
        { class: 'link-list' },
        link(t('archive.allCategories'), '', total),
        categories.map((category) => link(category.name, category.slug, category.reportCount)),
      ),
    ),
  );
}

function searchForm(categories: readonly PublicCategory[], filters: Filters): HTMLFormElement {
  const text = inputField({ name: 'q', label: t('archive.search'), type: 'search', value: filters.q, hint: t('archive.searchHint') });
  const category = selectField({
    name: 'categoria',
    label: t('field.category'),
    value: filters.categoria,
    choices: [{ value: '', label: t('archive.allCategories') }, ...categories.map((c) => ({ value: c.slug, label: c.name }))],
  });
  const status = selectField({
    name: 'stato',
    label: t('field.status'),
    value: filters.stato,
    choices: [{ value: '', label: t('archive.allStatuses') }, ...PUBLIC_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))],
  });
  const from = inputField({ name: 'dal', label: t('archive.from'), type: 'date', value: filters.dal });
  const to = inputField({ name: 'al', label: t('archive.to'), type: 'date', value: filters.al });
  const sort = selectField({
    name: 'ordine',
    label: t('archive.sort'),
    value: filters.ordine,
    choices: [
      { value: '', label: t('archive.sortDefault') },
      { value: 'recenti', label: t('archive.sortNewest') },
      { value: 'meno-recenti', label: t('archive.sortOldest') },
      { value: 'pertinenza', label: t('archive.sortRelevance') },
    ],
  });
  const form = h(
    'form',
    { role: 'search', 'aria-label': t('archive.searchForm'), class: 'mb-4', novalidate: true },
    text.group,
    h(
      'div',
      { class: 'row' },
      [category.group, status.group, from.group, to.group].map((group) => h('div', { class: 'col-md-6' }, group)),
      h('div', { class: 'col-md-6' }, sort.group),
    ),
    h('button', { type: 'submit', class: 'btn btn-primary' }, icon('it-search', { className: 'icon-white me-1' }), t('archive.searchButton')),
    ' ',
    h('a', { class: 'btn btn-outline-primary', href: ARCHIVE }, t('archive.reset')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    navigate(
      addressOf({
        q: value('q'),
        categoria: value('categoria'),
        stato: value('stato'),
        dal: value('dal'),
        al: value('al'),
        ordine: value('ordine'),
        pagina: 1,
        vista: filters.vista,
      }),
      {
        focus: '#risultati',
      },
    );
  });
  return form;
}

function archiveCard(report: PublicReport): HTMLElement {
  const excerpt = report.text.length > 220 ? `${report.text.slice(0, 220).trimEnd()}…` : report.text;
  return reportCard(
    statusLine(report, h('time', { class: 'text-muted small', datetime: report.submittedAt }, formatDate(report.submittedAt))),
    h('h3', { class: 'card-title h5' }, h('a', { href: `${ARCHIVE}/${encodeURIComponent(report.documentId)}` }, report.title)),
    h('p', { class: 'card-text mb-1' }, excerpt),
    report.address ? h('p', { class: 'small text-muted mb-0' }, icon('it-map-marker', { className: 'icon-sm' }), ' ', report.address) : null,
  );
}

function results(outcome: Page<PublicReport> | ApiError, filters: Filters): HTMLElement {
  const heading = (text: string) => h('h2', { id: 'risultati', tabindex: '-1', class: 'h4' }, text);
  if (outcome instanceof ApiError) {
    return h('section', { 'aria-labelledby': 'risultati' }, heading(t('archive.invalid')), alertBox('warning', outcome.message));
  }
  const { total } = outcome.meta.pagination;
  const count = total === 0 ? t('archive.foundNone') : total === 1 ? t('archive.foundOne') : t('archive.foundMany', { count: total });
  return h(
    'section',
    { 'aria-labelledby': 'risultati' },
    heading(count),
    total === 0 ? h('p', {}, t('archive.noResults')) : h('ul', { class: 'list-unstyled' }, outcome.data.map(archiveCard)),
    paginationNav(outcome.meta.pagination, (page) => addressOf(filters, page)),
  );
}

/** List and map, as the Designers Italia comuni model switches them: links, so each view has its address. */
function viewTabs(filters: Filters): HTMLElement {
  const tab = (label: string, vista: string) =>
    h(
      'li',
      { class: 'nav-item' },
      h(
        'a',
        {
          class: `nav-link${filters.vista === vista ? ' active' : ''}`,
          href: addressOf({ ...filters, vista, pagina: 1 }),
          'aria-current': filters.vista === vista ? 'page' : null,
        },
        label,
      ),
    );
  return h(
    'nav',
    { 'aria-label': t('archive.views'), class: 'mb-3' },
    h('ul', { class: 'nav nav-tabs' }, tab(t('archive.viewList'), ''), tab(t('archive.viewMap'), MAP_VIEW)),
  );
}

/** The public archive: categories with their counts, search with filters, results page by page or on a map. */
export const archivePage: PageRenderer = async ({ query }) => {
  const filters = readFilters(query);
  const onMap = filters.vista === MAP_VIEW;
  const [categories, outcome] = await Promise.all([
    api.categories(),
    // A filter the server refuses (a date that does not exist) is shown here, not as a broken page.
    onMap
      ? null
      : api.reports(apiQuery(filters)).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 400) return error;
          throw error;
        }),
  ]);
  const map = onMap ? archiveMap(filterQuery(filters)) : null;
  return {
    title: t('archive.title'),
    content: pageLayout(
      { title: t('archive.title'), lead: t('archive.lead') },
      h('p', {}, h('a', { class: 'btn btn-primary', href: `${BASE}/segnala` }, icon('it-plus-circle', { className: 'icon-white me-1' }), t('nav.submit'))),
      h(
        'div',
        { class: 'row mt-4' },
        h('div', { class: 'col-lg-4' }, categoryList(categories, filters)),
        h('div', { class: 'col-lg-8' }, searchForm(categories, filters), viewTabs(filters), map ? map.element : outcome ? results(outcome, filters) : null),
      ),
    ),
    mounted: map?.mount,
  };
};
