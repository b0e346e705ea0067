import type { ReportStatus } from '../../../plugins/segnalazioni/server/src/workflow/domain/lifecycle';
import type { PublicReport } from '../api';
import { h, type Child } from '../dom';
import { detailsList, pageLayout, type Crumb, type DetailRow } from './layout';
import { formatDateTime, replyKindLabel, statusBadgeClass, statusLabel } from '../format';
import { t } from '../i18n';

/** Pieces shared by the public report page and the citizen's own report page. */

export const statusBadge = (status: ReportStatus) => h('span', { class: statusBadgeClass(status) }, statusLabel(status));

interface ReportHeadline {
  readonly title: string;
  readonly status: ReportStatus;
  readonly category: { readonly name: string } | null;
}

/** Status and category, the first thing read about a report. */
export const statusLine = (report: ReportHeadline, ...more: Child[]) =>
  h(
    'div',
    { class: 'd-flex flex-wrap gap-2 align-items-center mb-2' },
    statusBadge(report.status),
    report.category ? h('span', { class: 'fw-semibold' }, report.category.name) : null,
    more,
  );

/** A report in a list: a card whose content the list decides. */
export const reportCard = (...content: Child[]) =>
  h('li', { class: 'mb-3' }, h('article', { class: 'card shadow-sm rounded' }, h('div', { class: 'card-body' }, content)));

/** A report's page: its story in the main column, its key facts in a card beside it (below, on a phone). */
export function reportPageLayout(report: ReportHeadline, trail: readonly Crumb[], facts: readonly DetailRow[], ...story: Child[]): HTMLElement {
  return pageLayout(
    { title: report.title, trail },
    statusLine(report),
    h(
      'div',
      { class: 'row mt-3' },
      h('div', { class: 'col-lg-8' }, story),
      h(
        'aside',
        { class: 'col-lg-4', 'aria-label': t('report.facts') },
        h('div', { class: 'card shadow-sm' }, h('div', { class: 'card-body' }, detailsList(facts, { stacked: true }))),
      ),
    ),
  );
}

type Photo = PublicReport['photos'][number];

/** The photos, each a link to its full size; the alt text says whose photo it is. */
export function photoGallery(photos: readonly Photo[], reportTitle: string, caption?: (index: number) => Child): HTMLElement | null {
  if (photos.length === 0) return null;
  return h(
    'ul',
    { class: 'row list-unstyled photo-gallery' },
    photos.map((photo, index) => {
      const preview = photo.formats.small ?? photo.formats.thumbnail ?? photo;
      const alt = t('report.photoAlt', { index: index + 1, count: photos.length, title: reportTitle });
      return h(
        'li',
        { class: 'col-12 col-sm-6 col-lg-4 mb-3' },
        h(
          'figure',
          { class: 'mb-0' },
          h(
            'a',
            { href: photo.url, target: '_blank', rel: 'noopener', 'aria-label': t('report.photoLink', { alt }) },
            h('img', {
              src: preview.url,
              alt,
              width: preview.width ?? undefined,
              height: preview.height ?? undefined,
              loading: 'lazy',
              class: 'img-fluid rounded',
            }),
          ),
          caption ? h('figcaption', { class: 'small mt-1' }, caption(index)) : null,
        ),
      );
    }),
  );
}

export interface TimelineStep {
  readonly at: string;
  readonly title: string;
  readonly body?: Child;
}

/** Steps oldest first, each with its date. */
export function timeline(steps: readonly TimelineStep[]): HTMLElement {
  const ordered = [...steps].sort((a, b) => a.at.localeCompare(b.at));
  return h(
    'ol',
    { class: 'timeline list-unstyled' },
    ordered.map((step) =>
      h(
        'li',
        { class: 'timeline-step' },
        h('p', { class: 'mb-1' }, h('strong', {}, step.title), ' · ', h('time', { datetime: step.at }, formatDateTime(step.at))),
        step.body ?? null,
      ),
    ),
  );
}

/** A reply of the office as a step of the history. */
export const replyStep = (reply: { readonly kind: string; readonly body: string; readonly createdAt: string }, note?: string): TimelineStep => ({
  at: reply.createdAt,
  title: note ? `${replyKindLabel(reply.kind)} (${note})` : replyKindLabel(reply.kind),
  body: h('p', { class: 'reply-body mb-0' }, reply.body),
});
