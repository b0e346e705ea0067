import { api, type FollowedReport } from '../api';
import { whileBusy } from '../components/forms';
import { alertBox } from '../components/layout';
import { h, replaceChildren } from '../dom';
import { formatDate } from '../format';
import { t } from '../i18n';
import { BASE, type PageRenderer } from '../router';
import { ownReportContent } from './my-report';

export const LOOKUP = `${BASE}/stato`;

/** What the holder of the link is told of it, and the button that ends it (for a forwarded mail, a shared phone). */
function linkNotice(report: FollowedReport, token: string): HTMLElement {
  const revoke = h('button', { type: 'button', class: 'btn btn-outline-primary btn-sm mt-2' }, t('follow.revoke'));
  const notice = alertBox(
    'info',
    h('p', { class: 'mb-1' }, t('follow.personal', { date: formatDate(report.link.expiresAt) })),
    h('p', { class: 'mb-0' }, t('follow.revokeHint')),
    revoke,
  );
  revoke.addEventListener('click', async () => {
    if (!window.confirm(t('follow.revokeConfirm'))) return;
    try {
      await whileBusy(revoke, t('forms.sending'), () => api.revokeFollowLinks(token));
      const done = alertBox('success', h('p', { class: 'mb-0' }, t('follow.revoked')));
      done.tabIndex = -1;
      replaceChildren(notice, done);
      done.focus();
    } catch (error) {
      replaceChildren(notice, alertBox('danger', h('p', { class: 'mb-0' }, error instanceof Error ? error.message : String(error))));
    }
  });
  return notice;
}

/**
 * A report opened by the personal link of its citizen's messages, with no password: what "Le mie
 * segnalazioni" shows, for desk and WhatsApp citizens too, who have no account (a Facebook comment,
 * which everybody reads, carries no link).
 */
export const followPage: PageRenderer = async ({ params: [token] }) => {
  const report = await api.followed(token);
  return {
    title: report.title,
    content: ownReportContent(report, [{ label: t('lookup.title'), href: LOOKUP }], linkNotice(report, token)),
  };
};
