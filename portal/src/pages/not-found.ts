import type { ApiError } from '../api';
import { alertBox, pageLayout } from '../components/layout';
import { h } from '../dom';
import { BASE, type PageRenderer, type RenderedPage } from '../router';
import { t } from '../i18n';

export const notFoundPage: PageRenderer = () => ({
  title: t('notFound.title'),
  content: pageLayout(
    { title: t('notFound.title') },
    h('p', {}, t('notFound.text')),
    h('p', {}, h('a', { class: 'btn btn-primary', href: `${BASE}/segnalazioni` }, t('notFound.archive'))),
  ),
});

/** When the service fails: what it said, and a way to try again. */
export const failurePage = (error: ApiError): RenderedPage => ({
  title: t('failure.title'),
  content: pageLayout(
    { title: t('failure.title') },
    alertBox('danger', error.message),
    h('p', {}, h('a', { class: 'btn btn-primary', href: location.pathname + location.search }, t('failure.retry'))),
  ),
});
