import { api, LoginRequired, type OwnReport } from '../api';
import { photoGallery, replyStep, reportPageLayout, timeline, type TimelineStep } from '../components/report-parts';
import { h } from '../dom';
import { actionLabel, statusLabel } from '../format';
import type { ReportStatus } from '../../../plugins/segnalazioni/server/src/domain/lifecycle';
import { BASE, type PageRenderer } from '../router';
import { currentSession } from '../session';
import { keyFacts, MY_REPORTS } from './my-reports';

const TEXT_MODERATION: Readonly<Record<string, string>> = {
  pending: 'in attesa di verifica',
  approved: 'approvato per la pubblicazione',
  rejected: 'non pubblicabile',
};

const PHOTO_MODERATION: Readonly<Record<string, string>> = {
  pending: 'in attesa di verifica',
  approved: 'approvata per la pubblicazione',
  rejected: 'non pubblicabile',
};

const moderationNote = (labels: Readonly<Record<string, string>>, state: string, reason: string | null) =>
  `${labels[state] ?? state}${reason ? `: ${reason}` : ''}`;

/** Every step: the history's, and the office's replies, private ones marked as such. */
function steps(report: OwnReport): TimelineStep[] {
  return [
    ...report.history.map((entry) => ({
      at: entry.at,
      title: actionLabel(entry.action),
      body: entry.toStatus && entry.toStatus !== entry.fromStatus ? h('p', { class: 'mb-0 small' }, `Stato: ${statusLabel(entry.toStatus as ReportStatus)}`) : undefined,
    })),
    ...report.replies.map((reply) => replyStep(reply, reply.public ? 'pubblica' : 'solo per te')),
  ];
}

/** One own report, as the reporter sees it: their original words, the public text, photos and their moderation, every step. */
export const myReportPage: PageRenderer = async ({ params: [documentId] }) => {
  if (!currentSession()) throw new LoginRequired();
  const report = await api.myReport(documentId);
  return {
    title: report.title,
    content: reportPageLayout(
      report,
      [{ label: 'Le mie segnalazioni', href: MY_REPORTS }],
      [['Stato', statusLabel(report.status)], ...keyFacts(report)],
      h('h2', { class: 'h4' }, 'Quello che hai scritto'),
      h('p', { class: 'report-text' }, report.description),
      report.address ? h('p', {}, h('strong', {}, 'Luogo: '), report.address) : null,
      h('h2', { class: 'h4 mt-4' }, 'Pubblicazione'),
      h('p', {}, `Testo: ${moderationNote(TEXT_MODERATION, report.textModeration.state, report.textModeration.reason)}.`),
      report.text && report.text !== report.description ? h('p', { class: 'report-text border-start ps-3' }, report.text) : null,
      report.published
        ? h('p', {}, 'La segnalazione è pubblicata: ', h('a', { href: `${BASE}/segnalazioni/${encodeURIComponent(report.documentId)}` }, 'vedi la pagina pubblica'), '.')
        : h('p', {}, 'La segnalazione non è pubblicata.'),
      report.photos.length > 0
        ? [
            h('h2', { class: 'h4 mt-4' }, 'Foto'),
            photoGallery(report.photos, report.title, (index) => {
              const photo = report.photos[index];
              return `Foto ${moderationNote(PHOTO_MODERATION, photo.moderation, photo.moderationReason)}`;
            }),
          ]
        : null,
      h('h2', { class: 'h4 mt-4' }, 'Storia e risposte'),
      timeline(steps(report)),
    ),
  };
};
