import type { Action, Condition, Decision, ReportStatus } from '../../workflow/domain/lifecycle';

/** Italian first, English second: the two locales a citizen or an officer reads. */
export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'it';

export function toLocale(value: unknown): Locale {
  if (typeof value !== 'string') return DEFAULT_LOCALE;
  const primary = value.trim().toLowerCase().slice(0, 2);
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : DEFAULT_LOCALE;
}

/**
 * The language a citizen reads their mails in: the one their account chose (at registration, or
 * with the portal's switch). Anyone without an account (a chat sender, a desk contact) reads Italian.
 */
export const preferredLocale = (account: { readonly language?: unknown } | null | undefined): Locale => toLocale(account?.language);

export const STATUS_LABELS: Record<Locale, Record<ReportStatus, string>> = {
  it: {
    submitted: 'Inviata',
    in_charge: 'Presa in carico',
    in_progress: 'In lavorazione',
    closed: 'Chiusa',
    rejected: 'Respinta',
  },
  en: {
    submitted: 'Submitted',
    in_charge: 'Taken in charge',
    in_progress: 'In progress',
    closed: 'Closed',
    rejected: 'Rejected',
  },
};

export const ACTION_LABELS: Record<Locale, Record<Action, string>> = {
  it: {
    submit: 'invio',
    edit: 'modifica',
    comment: 'commento',
    take_in_charge: 'presa in carico',
    reassign: 'riassegnazione',
    moderate_text: 'moderazione del testo',
    moderate_photo: 'moderazione della foto',
    publish: 'pubblicazione',
    unpublish: 'ritiro dalla pubblicazione',
    reply: 'risposta',
    close: 'chiusura',
    reject: 'rifiuto',
    mark_duplicate: 'chiusura come duplicato',
    reopen: 'riapertura',
  },
  en: {
    submit: 'submission',
    edit: 'edit',
    comment: 'comment',
    take_in_charge: 'taking in charge',
    reassign: 'reassignment',
    moderate_text: 'text moderation',
    moderate_photo: 'photo moderation',
    publish: 'publication',
    unpublish: 'unpublication',
    reply: 'reply',
    close: 'closing',
    reject: 'rejection',
    mark_duplicate: 'closing as a duplicate',
    reopen: 'reopening',
  },
};

const CONDITION_MESSAGES: Record<Locale, Record<Condition, string>> = {
  it: {
    text_approved: 'il testo deve prima essere approvato',
    published: 'la segnalazione non è pubblicata',
    not_published: 'la segnalazione è già pubblicata',
  },
  en: {
    text_approved: 'the text must be approved first',
    published: 'the report is not published',
    not_published: 'the report is already published',
  },
};

type Refusal = Extract<Decision, { allowed: false }>;

/** A sentence a person understands, for the error message of a refused action. */
export function describeRefusal(refusal: Refusal, locale: Locale = DEFAULT_LOCALE): string {
  const action = (ACTION_LABELS[locale] as Record<string, string>)[refusal.action] ?? refusal.action;
  const state = refusal.from ? STATUS_LABELS[locale][refusal.from] : null;
  const it = locale === 'it';
  switch (refusal.code) {
    case 'unknown_action':
      return it ? `Azione sconosciuta: "${refusal.action}".` : `Unknown action: "${refusal.action}".`;
    case 'invalid_state':
      if (!state) return it ? `Azione non consentita (${action}): la segnalazione non esiste.` : `Not allowed (${action}): the report does not exist.`;
      return it ? `Azione non consentita: ${action} di una segnalazione nello stato "${state}".` : `Not allowed: ${action} of a report in state "${state}".`;
    case 'forbidden_actor':
      return it ? `Non hai i permessi per questa azione (${action}).` : `You are not allowed to do this (${action}).`;
    case 'condition_unmet': {
      const condition = refusal.condition ? CONDITION_MESSAGES[locale][refusal.condition] : '';
      return it ? `Azione non consentita (${action}): ${condition}.` : `Not allowed (${action}): ${condition}.`;
    }
  }
}
