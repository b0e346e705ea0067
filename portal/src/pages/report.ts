import { api, type PublicReport } from '../api';
import type { DetailRow } from '../components/layout';
import { photoGallery, replyStep, reportPageLayout, timeline, type TimelineStep } from '../components/report-parts';
import { h, icon } from '../dom';
import { deadlineLabel, formatDateTime } from '../format';
import { BASE, type PageRenderer } from '../router';
import { t } from '../i18n';

/** The public steps of a report: what the public view tells of its history. */
function publicSteps(report: PublicReport): TimelineStep[] {
  return [
    { at: report.submittedAt, title: t('report.submitted') },
    ...(report.publishedAt ? [{ at: report.publishedAt, title: t('report.published') }] : []),
    ...report.replies.map((reply) => replyStep(reply)),
    ...(report.closedAt ? [{ at: report.closedAt, title: t('report.closed') }] : []),
  ];
}

/** A point on OpenStreetMap, for reports that carry their position. */
function mapLink(latitude: number, longitude: number): HTMLElement {
  const href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`;
  return h('a', { href, target: '_blank', rel: 'noopener' }, t('report.map'), h('span', { class: 'visually-hidden' }, ` ${t('report.mapNewTab')}`));
}

/** One published report: approved text and photos, public replies, its public history. */
export const reportPage: PageRenderer = async ({ params: [documentId] }) => {
  const report = await api.report(documentId);
  const place = report.address || (report.latitude !== null && report.longitude !== null ? `${report.latitude}, ${report.longitude}` : '');
  const facts: DetailRow[] = [
    [t('fact.protocol'), report.protocolNumber],
    [t('field.category'), report.category?.name],
    [t('field.place'), place ? h('span', {}, icon('it-map-marker', { className: 'icon-sm' }), ' ', place) : null],
    [t('fact.position'), report.latitude !== null && report.longitude !== null ? mapLink(report.latitude, report.longitude) : null],
    [t('fact.submittedAt'), formatDateTime(report.submittedAt)],
    [t('fact.publishedAt'), report.publishedAt ? formatDateTime(report.publishedAt) : null],
    [t('fact.closedAt'), report.closedAt ? formatDateTime(report.closedAt) : null],
    report.deadline ? [deadlineLabel(report.deadline.step), formatDateTime(report.deadline.due)] : [t('deadline.other'), null],
  ];
  return {
    title: report.title,
    content: reportPageLayout(
      report,
      [{ label: t('archive.title'), href: `${BASE}/segnalazioni` }],
      facts,
      h('h2', { class: 'h4' }, t('report.description')),
      h('p', { class: 'report-text' }, report.text),
      report.photos.length > 0 ? [h('h2', { class: 'h4 mt-4' }, t('field.photos')), photoGallery(report.photos, report.title)] : null,
      h('h2', { class: 'h4 mt-4' }, t('report.history')),
      timeline(publicSteps(report)),
    ),
  };
};
