import { api, LoginRequired, type OwnReport } from '../api';
import { detailsList, pageLayout, type DetailRow } from '../components/layout';
import { paginationNav } from '../components/pagination';
import { reportCard, statusLine } from '../components/report-parts';
import { h, icon } from '../dom';
import { deadlineLabel, formatDateTime } from '../format';
import { BASE, type PageRenderer } from '../router';
import { currentSession } from '../session';

export const MY_REPORTS = `${BASE}/le-mie-segnalazioni`;

/** What a citizen wants to know of a report at a glance: state, protocol, dates, deadline. */
export function keyFacts(report: OwnReport): DetailRow[] {
  const { deadline } = report;
  return [
    ['Riferimento', h('span', { class: 'reference' }, report.reference)],
    ['Numero di protocollo', report.protocolNumber ?? 'Non ancora assegnato'],
    ['Inviata il', formatDateTime(report.submittedAt)],
    ['Presa in carico il', report.takenInChargeAt ? formatDateTime(report.takenInChargeAt) : 'Non ancora'],
    deadline ? [deadlineLabel(deadline.step), formatDateTime(deadline.due)] : ['Scadenza', null],
    ['Chiusa il', report.closedAt ? formatDateTime(report.closedAt) : null],
  ];
}

function ownCard(report: OwnReport): HTMLElement {
  return reportCard(
    statusLine(report),
    h('h2', { class: 'card-title h5' }, h('a', { href: `${MY_REPORTS}/${encodeURIComponent(report.documentId)}` }, report.title)),
    detailsList(keyFacts(report)),
  );
}

/** "Le mie segnalazioni": every own report, in every state, newest first. */
export const myReportsPage: PageRenderer = async ({ query }) => {
  if (!currentSession()) throw new LoginRequired();
  const requested = Number(query.get('pagina'));
  const { data, meta } = await api.myReports(Number.isInteger(requested) && requested > 0 ? requested : 1);
  return {
    title: 'Le mie segnalazioni',
    content: pageLayout(
      { title: 'Le mie segnalazioni', lead: 'Le segnalazioni che hai inviato, con il loro stato, il numero di protocollo e le scadenze.' },
      h('p', {}, h('a', { class: 'btn btn-primary', href: `${BASE}/segnala` }, icon('it-plus-circle', { className: 'icon-white me-1' }), 'Segnala un disservizio')),
      data.length === 0
        ? h('p', { class: 'mt-4' }, 'Non hai ancora inviato segnalazioni.')
        : h('ul', { class: 'list-unstyled mt-4' }, data.map(ownCard)),
      paginationNav(meta.pagination, (page) => (page > 1 ? `${MY_REPORTS}?pagina=${page}` : MY_REPORTS)),
    ),
  };
};
