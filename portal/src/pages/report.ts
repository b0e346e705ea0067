import { api, type PublicReport } from '../api';
import { alertBox, type DetailRow } from '../components/layout';
import { hasTiles, pointMap } from '../components/leaflet-map';
import { photoGallery, replyStep, reportPageLayout, timeline, type TimelineStep } from '../components/report-parts';
import { h, icon } from '../dom';
import { deadlineLabel, formatDateTime } from '../format';
import { BASE, type PageRenderer } from '../router';
import { t, tParts } from '../i18n';
import { mapSettings } from '../site';

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

/** The report's public point on the map, when it has one and the site has tiles. */
function placeMap(report: PublicReport): { readonly element: HTMLElement; mount(): void } | null {
  const settings = mapSettings;
  const { latitude, longitude } = report;
  if (!hasTiles(settings) || latitude === null || longitude === null) return null;
  const element = h('div', { class: 'report-map mb-3', role: 'region', 'aria-label': t('report.mapLabel') });
  return {
    element,
    mount: () => pointMap(element, settings, { latitude, longitude }, report.title),
  };
}

const reportLink = (original: NonNullable<PublicReport['duplicateOf']>) =>
  h('a', { href: `${BASE}/segnalazioni/${encodeURIComponent(original.documentId)}` }, original.reference);

/** One published report: approved text and photos, public replies, its public history. */
export const reportPage: PageRenderer = async ({ params: [documentId] }) => {
  const report = await api.report(documentId);
  const map = placeMap(report);
  const place = report.address || (report.latitude !== null && report.longitude !== null ? `${report.latitude}, ${report.longitude}` : '');
  const facts: DetailRow[] = [
    [t('fact.protocol'), report.protocolNumber],
    [t('field.category'), report.category?.name],
    [t('field.place'), place ? h('span', {}, icon('it-map-marker', { className: 'icon-sm' }), ' ', place) : null],
    [t('fact.position'), report.latitude !== null && report.longitude !== null ? mapLink(report.latitude, report.longitude) : null],
    [t('fact.submittedAt'), formatDateTime(report.submittedAt)],
    [t('fact.publishedAt'), report.publishedAt ? formatDateTime(report.publishedAt) : null],
    [t('fact.closedAt'), report.closedAt ? formatDateTime(report.closedAt) : null],
    [t('fact.duplicateOf'), report.duplicateOf ? reportLink(report.duplicateOf) : null],
    report.deadline ? [deadlineLabel(report.deadline.step), formatDateTime(report.deadline.due)] : [t('deadline.other'), null],
  ];
  return {
    title: report.title,
    content: reportPageLayout(
      report,
      [{ label: t('archive.title'), href: `${BASE}/segnalazioni` }],
      facts,
      report.duplicateOf ? alertBox('info', h('p', { class: 'mb-0' }, tParts('report.duplicateNotice', { reference: reportLink(report.duplicateOf) }))) : null,
      h('h2', { class: 'h4' }, t('report.description')),
      h('p', { class: 'report-text' }, report.text),
      report.photos.length > 0 ? [h('h2', { class: 'h4 mt-4' }, t('field.photos')), photoGallery(report.photos, report.title)] : null,
      map ? [h('h2', { class: 'h4 mt-4' }, t('field.place')), map.element] : null,
      h('h2', { class: 'h4 mt-4' }, t('report.history')),
      timeline(publicSteps(report)),
    ),
    mounted: map?.mount,
  };
};
