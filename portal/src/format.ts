import { ACTION_LABELS, STATUS_LABELS } from '../../plugins/segnalazioni/server/src/domain/messages';
import type { ReportStatus } from '../../plugins/segnalazioni/server/src/domain/lifecycle';
import { CALENDAR_TIME_ZONE } from '../../plugins/segnalazioni/server/src/domain/working-calendar';

/** Dates as people in the municipality read them, in its time zone whatever the device's. */
const DATE = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: CALENDAR_TIME_ZONE });
const DATE_TIME = new Intl.DateTimeFormat('it-IT', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: CALENDAR_TIME_ZONE,
});

export const formatDate = (iso: string) => DATE.format(new Date(iso));
export const formatDateTime = (iso: string) => DATE_TIME.format(new Date(iso));

export const statusLabel = (status: ReportStatus) => STATUS_LABELS.it[status];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A step of a report's history, as a heading: "Presa in carico". */
export const actionLabel = (action: string) => capitalised((ACTION_LABELS.it as Readonly<Record<string, string>>)[action] ?? action);

const REPLY_KINDS: Readonly<Record<string, string>> = {
  feasibility: 'Risposta sulla fattibilità',
  progress: 'Aggiornamento',
  final: 'Risposta finale',
  rejection: 'Motivo del rifiuto',
};

export const replyKindLabel = (kind: string) => REPLY_KINDS[kind] ?? 'Risposta';

/** Bootstrap Italia's colours for a status badge, each with AA contrast on white text. */
const STATUS_BADGES: Readonly<Record<ReportStatus, string>> = {
  submitted: 'bg-secondary',
  in_charge: 'bg-primary',
  in_progress: 'bg-primary',
  closed: 'bg-success',
  rejected: 'bg-danger',
};

export const statusBadgeClass = (status: ReportStatus) => `badge ${STATUS_BADGES[status]}`;

const DEADLINE_STEPS: Readonly<Record<string, string>> = {
  take_in_charge: 'Presa in carico entro',
  first_answer: 'Prima risposta entro',
  close: 'Chiusura prevista entro',
};

/** "Presa in carico entro", for the deadline a report is running against. */
export const deadlineLabel = (step: string) => DEADLINE_STEPS[step] ?? 'Scadenza';
