import { api, LoginRequired, type OwnReport } from '../api';
import { photoGallery, replyStep, reportPageLayout, timeline, type TimelineStep } from '../components/report-parts';
import type { Crumb } from '../components/layout';
import { h, type Child } from '../dom';
import { actionLabel, statusLabel } from '../format';
import type { ReportStatus } from '../../../plugins/segnalazioni/server/src/workflow/domain/lifecycle';
import type { ModerationState } from '../../../plugins/segnalazioni/server/src/workflow/domain/report-states';
import { BASE, type PageRenderer } from '../router';
import { currentSession } from '../session';
import { keyFacts, MY_REPORTS } from './my-reports';
import { t, tParts, type MessageKey } from '../i18n';

const TEXT_MODERATION: Readonly<Record<ModerationState, MessageKey>> = {
  pending: 'moderation.pending',
  approved: 'moderation.textApproved',
  rejected: 'moderation.rejected',
};

const PHOTO_MODERATION: Readonly<Record<ModerationState, MessageKey>> = {
  pending: 'moderation.pending',
  approved: 'moderation.photoApproved',
  rejected: 'moderation.rejected',
};

const moderationNote = (labels: Readonly<Record<ModerationState, MessageKey>>, state: ModerationState, reason: string | null) =>
  `${t(labels[state])}${reason ? `: ${reason}` : ''}`;

/** Every step: the history's, and the office's replies, private ones marked as such. */
function steps(report: OwnReport): TimelineStep[] {
  return [
    ...report.history.map((entry) => ({
      at: entry.at,
      title: actionLabel(entry.action),
      body:
        entry.toStatus && entry.toStatus !== entry.fromStatus
          ? h('p', { class: 'mb-0 small' }, t('status.line', { status: statusLabel(entry.toStatus as ReportStatus) }))
          : undefined,
    })),
    ...report.replies.map((reply) => replyStep(reply, t(reply.public ? 'reply.public' : 'reply.private'))),
  ];
}

/**
 * A report as its reporter sees it — their original words, the public text, photos and their
 * moderation, every step —, logged in or through its follow link; `notice` comes before the story.
 */
export function ownReportContent(report: OwnReport, trail: readonly Crumb[], notice?: Child): HTMLElement {
  return reportPageLayout(
    report,
    trail,
    [[t('field.status'), statusLabel(report.status)], ...keyFacts(report)],
    notice,
    h('h2', { class: 'h4' }, t('mine.yourWords')),
    h('p', { class: 'report-text' }, report.description),
    report.address ? h('p', {}, h('strong', {}, `${t('field.place')}: `), report.address) : null,
    h('h2', { class: 'h4 mt-4' }, t('mine.publication')),
    h('p', {}, t('mine.textModeration', { state: moderationNote(TEXT_MODERATION, report.textModeration.state, report.textModeration.reason) })),
    report.text && report.text !== report.description ? h('p', { class: 'report-text border-start ps-3' }, report.text) : null,
    report.published
      ? h('p', {}, tParts('mine.published', { link: h('a', { href: `${BASE}/segnalazioni/${encodeURIComponent(report.documentId)}` }, t('mine.publicPage')) }))
      : h('p', {}, t('mine.notPublished')),
    report.photos.length > 0
      ? [
          h('h2', { class: 'h4 mt-4' }, t('field.photos')),
          photoGallery(report.photos, report.title, (index) => {
            const photo = report.photos[index];
            return t('mine.photoModeration', { state: moderationNote(PHOTO_MODERATION, photo.moderation, photo.moderationReason) });
          }),
        ]
      : null,
    h('h2', { class: 'h4 mt-4' }, t('mine.history')),
    timeline(steps(report)),
  );
}

/** One own report of the logged-in citizen. */
export const myReportPage: PageRenderer = async ({ params: [documentId] }) => {
  if (!currentSession()) throw new LoginRequired();
  const report = await api.myReport(documentId);
  return { title: report.title, content: ownReportContent(report, [{ label: t('nav.mine'), href: MY_REPORTS }]) };
};
