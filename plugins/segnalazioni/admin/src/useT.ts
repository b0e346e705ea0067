import { useIntl } from 'react-intl';
import { STATUS_LABELS, ACTION_LABELS, toLocale } from '../../server/src/common/domain/messages';
import type { Action, ReportStatus } from '../../server/src/workflow/domain/lifecycle';
import { PLUGIN_ID } from './pluginId';

/** The panel's words: its own translations, and the domain's labels for statuses and actions. */
export function useT() {
  const intl = useIntl();
  const locale = toLocale(intl.locale);
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  return {
    t,
    locale,
    status: (status: ReportStatus | string) => (STATUS_LABELS[locale] as Record<string, string>)[status] ?? status,
    action: (action: Action | string) => (ACTION_LABELS[locale] as Record<string, string>)[action] ?? action,
    date: (value: string | null | undefined) =>
      value
        ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
            new Date(value),
          )
        : '—',
  };
}
