import type { ApiError } from '../api';
import { alertBox, pageLayout } from '../components/layout';
import { h } from '../dom';
import { BASE, type PageRenderer, type RenderedPage } from '../router';

export const notFoundPage: PageRenderer = () => ({
  title: 'Pagina non trovata',
  content: pageLayout(
    { title: 'Pagina non trovata' },
    h('p', {}, 'La pagina che cerchi non esiste, oppure la segnalazione non è (più) pubblicata.'),
    h('p', {}, h('a', { class: 'btn btn-primary', href: `${BASE}/segnalazioni` }, 'Vai all’archivio delle segnalazioni')),
  ),
});

/** When the service fails: what it said, and a way to try again. */
export const failurePage = (error: ApiError): RenderedPage => ({
  title: 'Servizio non disponibile',
  content: pageLayout(
    { title: 'Servizio non disponibile' },
    alertBox('danger', error.message),
    h('p', {}, h('a', { class: 'btn btn-primary', href: location.pathname + location.search }, 'Riprova')),
  ),
});
