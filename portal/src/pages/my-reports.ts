import { api, LoginRequired, type OwnReport } from '../api';
import { detailsList, pageLayout, type DetailRow } from '../components/layout';
import { paginationNav } from '../components/pagination';
import { reportCard, statusLine } from '../components/report-parts';
import { h, icon } from '../dom';
import { deadlineLabel, formatDateTime } from '../format';
import { BASE, type PageRenderer } from '../router';
import { currentSession } from '../session';
import { t } from '../i18n';

export const MY_REPORTS = `${BASE}/le-mie-segnalazioni`;

/** What a citizen wants to know of a report at a glance: state, protocol, dates, deadline. */
export function keyFacts(report: OwnReport): DetailRow[] {
  const { deadline } = report;
  return [
    [t('fact.reference'), h('span', { class: 'reference' }, report.reference)],
    [t('fact.protocol'), report.protocolNumber ?? t('fact.protocolPending')],
    [t('fact.submittedAt'), formatDateTime(report.submittedAt)],
    [t('fact.takenInChargeAt'), report.takenInChargeAt ? formatDateTime(report.takenInChargeAt) : t('fact.notYet')],
    deadline ? [deadlineLabel(deadline.step), formatDateTime(deadline.due)] : [t('deadline.other'), null],
    [t('fact.closedAt'), report.closedAt ? formatDateTime(report.closedAt) : null],
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
    title: t('nav.mine'),
    content: pageLayout(
      { title: t('nav.mine'), lead: t('mine.lead') },
      h('p', {}, h('a', { class: 'btn btn-primary', href: `${BASE}/segnala` }, icon('it-plus-circle', { className: 'icon-white me-1' }), t('nav.submit'))),
      data.length === 0 ? h('p', { class: 'mt-4' }, t('mine.empty')) : h('ul', { class: 'list-unstyled mt-4' }, data.map(ownCard)),
      paginationNav(meta.pagination, (page) => (page > 1 ? `${MY_REPORTS}?pagina=${page}` : MY_REPORTS)),
    ),
  };
};
