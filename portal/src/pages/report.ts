import { api, type PublicReport } from '../api';
import type { DetailRow } from '../components/layout';
import { photoGallery, replyStep, reportPageLayout, timeline, type TimelineStep } from '../components/report-parts';
import { h, icon } from '../dom';
import { deadlineLabel, formatDateTime } from '../format';
import { BASE, type PageRenderer } from '../router';

/** The public steps of a report: what the public view tells of its history. */
function publicSteps(report: PublicReport): TimelineStep[] {
  return [
    { at: report.submittedAt, title: 'Segnalazione inviata' },
    ...(report.publishedAt ? [{ at: report.publishedAt, title: 'Pubblicata dal Comune' }] : []),
    ...report.replies.map((reply) => replyStep(reply)),
    ...(report.closedAt ? [{ at: report.closedAt, title: 'Segnalazione chiusa' }] : []),
  ];
}

/** A point on OpenStreetMap, for reports that carry their position. */
function mapLink(latitude: number, longitude: number): HTMLElement {
  const href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
  return h('a', { href, target: '_blank', rel: 'noopener' }, 'Vedi sulla mappa', h('span', { class: 'visually-hidden' }, ' (apre OpenStreetMap in una nuova scheda)'));
}

/** One published report: approved text and photos, public replies, its public history. */
export const reportPage: PageRenderer = async ({ params: [documentId] }) => {
  const report = await api.report(documentId);
  const place = report.address || (report.latitude !== null && report.longitude !== null ? `${report.latitude}, ${report.longitude}` : '');
  const facts: DetailRow[] = [
    ['Numero di protocollo', report.protocolNumber],
    ['Categoria', report.category?.name],
    ['Luogo', place ? h('span', {}, icon('it-map-marker', { className: 'icon-sm' }), ' ', place) : null],
    ['Posizione', report.latitude !== null && report.longitude !== null ? mapLink(report.latitude, report.longitude) : null],
    ['Inviata il', formatDateTime(report.submittedAt)],
    ['Pubblicata il', report.publishedAt ? formatDateTime(report.publishedAt) : null],
    ['Chiusa il', report.closedAt ? formatDateTime(report.closedAt) : null],
    report.deadline ? [deadlineLabel(report.deadline.step), formatDateTime(report.deadline.due)] : ['Scadenza', null],
  ];
  return {
    title: report.title,
    content: reportPageLayout(
      report,
      [{ label: 'Segnalazioni', href: `${BASE}/segnalazioni` }],
      facts,
      h('h2', { class: 'h4' }, 'Descrizione'),
      h('p', { class: 'report-text' }, report.text),
      report.photos.length > 0 ? [h('h2', { class: 'h4 mt-4' }, 'Foto'), photoGallery(report.photos, report.title)] : null,
      h('h2', { class: 'h4 mt-4' }, 'Storia della segnalazione'),
      timeline(publicSteps(report)),
    ),
  };
};
