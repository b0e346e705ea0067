import { ACTION_LABELS, STATUS_LABELS } from '../../plugins/segnalazioni/server/src/common/domain/messages';
import type { ReportStatus } from '../../plugins/segnalazioni/server/src/workflow/domain/lifecycle';
import { isOneOf, REPLY_KINDS, type ReplyKind } from '../../plugins/segnalazioni/server/src/workflow/domain/report-states';
import { CALENDAR_TIME_ZONE } from '../../plugins/segnalazioni/server/src/service-levels/domain/working-calendar';
import { locale, t, type Locale, type MessageKey } from './i18n';

/** Dates as people in the municipality read them, in its time zone whatever the device's, in the chosen language. */
const INTL_LOCALES: Readonly<Record<Locale, string>> = { it: 'it-IT', en: 'en-GB' };
const DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: CALENDAR_TIME_ZONE } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale()}:${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(INTL_LOCALES[locale()], kind === 'date' ? DAY : { ...DAY, hour: '2-digit', minute: '2-digit' });
    formatters.set(key, found);
  }
  return found;
}

/** A point as a person reads it: latitude and longitude with five decimals (about a metre), in the chosen language's digits. */
export const formatCoordinates = ({ latitude, longitude }: { latitude: number; longitude: number }) =>
  [latitude, longitude].map((value) => value.toLocaleString(INTL_LOCALES[locale()], { minimumFractionDigits: 5, maximumFractionDigits: 5 })).join('; ');

export const formatDate = (iso: string) => formatter('date').format(new Date(iso));
export const formatDateTime = (iso: string) => formatter('dateTime').format(new Date(iso));

export const statusLabel = (status: ReportStatus) => STATUS_LABELS[locale()][status];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A step of a report's history, as a heading: "Presa in carico". */
export const actionLabel = (action: string) => capitalised((ACTION_LABELS[locale()] as Readonly<Record<string, string>>)[action] ?? action);

const REPLY_KIND_LABELS: Readonly<Record<ReplyKind, MessageKey>> = {
  feasibility: 'reply.feasibility',
  progress: 'reply.progress',
  final: 'reply.final',
  rejection: 'reply.rejection',
};

export const replyKindLabel = (kind: string) => t(isOneOf(REPLY_KINDS, kind) ? REPLY_KIND_LABELS[kind] : 'reply.other');

/** Bootstrap Italia's colours for a status badge, each with AA contrast on white text. */
const STATUS_BADGES: Readonly<Record<ReportStatus, string>> = {
  submitted: 'bg-secondary',
  in_charge: 'bg-primary',
  in_progress: 'bg-primary',
  closed: 'bg-success',
  rejected: 'bg-danger',
};

export const statusBadgeClass = (status: ReportStatus) => `badge ${STATUS_BADGES[status]}`;

const DEADLINE_STEPS: Readonly<Record<string, MessageKey>> = {
  take_in_charge: 'deadline.take_in_charge',
  first_answer: 'deadline.first_answer',
  close: 'deadline.close',
};

/** "Presa in carico entro", for the deadline a report is running against. */
export const deadlineLabel = (step: string) => t(DEADLINE_STEPS[step] ?? 'deadline.other');
