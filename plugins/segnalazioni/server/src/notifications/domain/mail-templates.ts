import type { Locale } from '../../common/domain/messages';
import { articleBeforeDay, isArticleBeforeDay, isPreposition, isWrittenDate, JOINING_WORDS, withArticle } from '../../common/domain/italian';

/**
 * Mail templates: a subject and a plain text with `{{placeholders}}`. A line whose placeholders
 * are all empty is left out, so optional parts (an address, a deadline) need no conditionals.
 * The HTML part is derived from the text. Municipalities override any template per locale in the
 * plugin's config (`templates`).
 */

export interface MailTemplate {
  readonly subject: string;
  readonly text: string;
}

export type TemplateName =
  | 'account-confirmation'
  | 'account-exists'
  | 'password-reset'
  | 'report-received'
  | 'report-receipt'
  | 'report-modified'
  | 'report-commented'
  | 'report-assigned'
  | 'report-taken-in-charge'
  | 'report-text-moderated'
  | 'report-photo-moderated'
  | 'report-published'
  | 'report-unpublished'
  | 'report-reply'
  | 'report-closed'
  | 'report-rejected'
  | 'report-reopened'
  | 'report-duplicate'
  | 'report-updates'
  | 'deadline-reminder'
  | 'deadline-escalation';

export type TemplateSet = Record<TemplateName, Record<Locale, MailTemplate>>;
export type TemplateOverrides = Partial<Record<TemplateName, Partial<Record<Locale, Partial<MailTemplate>>>>>;

export const DEFAULT_TEMPLATES: TemplateSet = {
  'account-confirmation': {
    it: {
      subject: 'Conferma la tua registrazione allo Sportello Segnalazioni',
      text: `Gentile {{firstName}} {{lastName}},

grazie per la registrazione allo Sportello Segnalazioni del Comune.
Per attivare il tuo account apri questo collegamento:

{{confirmationUrl}}

Se non hai chiesto tu la registrazione, ignora questo messaggio.`,
    },
    en: {
      subject: 'Confirm your registration to Sportello Segnalazioni',
      text: `Dear {{firstName}} {{lastName}},

thank you for registering with the municipality's Sportello Segnalazioni.
To activate your account, open this link:

{{confirmationUrl}}

If you did not register, please ignore this message.`,
    },
  },
  'account-exists': {
    it: {
      subject: 'Il tuo account dello Sportello Segnalazioni',
      text: `Gentile {{firstName}} {{lastName}},

qualcuno ha chiesto di registrare questo indirizzo allo Sportello Segnalazioni del Comune
(o di ricevere di nuovo l'email di conferma), ma esiste già un account attivo con questo indirizzo. Non abbiamo cambiato nulla.

Se eri tu, accedi qui:
{{loginUrl}}

Se non ricordi la password, scegline una nuova qui:
{{forgotPasswordUrl}}

Se non eri tu, ignora questo messaggio: il tuo account resta com'è.`,
    },
    en: {
      subject: 'Your Sportello Segnalazioni account',
      text: `Dear {{firstName}} {{lastName}},

someone asked to register this address with the municipality's Sportello Segnalazioni
(or to receive the confirmation email again), but an active account with this address already exists. Nothing has been changed.

If it was you, log in here:
{{loginUrl}}

If you do not remember your password, choose a new one here:
{{forgotPasswordUrl}}

If it was not you, please ignore this message: your account stays as it is.`,
    },
  },
  'password-reset': {
    it: {
      subject: 'Reimposta la password dello Sportello Segnalazioni',
      text: `Gentile {{firstName}} {{lastName}},

abbiamo ricevuto una richiesta di reimpostare la password del tuo account allo Sportello Segnalazioni del Comune.
Per sceglierne una nuova apri questo collegamento entro {{validMinutes}} minuti:

{{resetUrl}}

Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: la tua password resta quella di prima.`,
    },
    en: {
      subject: 'Reset your Sportello Segnalazioni password',
      text: `Dear {{firstName}} {{lastName}},

we received a request to reset the password of your account with the municipality's Sportello Segnalazioni.
To choose a new one, open this link within {{validMinutes}} minutes:

{{resetUrl}}

If you did not ask to reset your password, please ignore this message: your password stays as it was.`,
    },
  },
  'report-received': {
    it: {
      subject: 'Nuova segnalazione [{{reference}}]: {{title}}',
      text: `È arrivata una nuova segnalazione per il vostro ufficio.

Riferimento: {{reference}}
Categoria: {{category}}
Canale: {{channel}}
Inviata il: {{submittedAt}}
Da prendere in carico entro: {{dueTakeInChargeAt}}

{{title}}

{{description}}

Luogo: {{address}}
Coordinate: {{coordinates}}
Foto ({{photoCount}}):
{{photoLinks}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'New report [{{reference}}]: {{title}}',
      text: `A new report has arrived for your office.

Reference: {{reference}}
Category: {{category}}
Channel: {{channel}}
Submitted on: {{submittedAt}}
To be taken in charge by: {{dueTakeInChargeAt}}

{{title}}

{{description}}

Place: {{address}}
Coordinates: {{coordinates}}
Photos ({{photoCount}}):
{{photoLinks}}

Handle the report: {{adminUrl}}`,
    },
  },
  'report-receipt': {
    it: {
      subject: 'Abbiamo ricevuto la tua segnalazione [{{reference}}]',
      text: `Gentile {{firstName}} {{lastName}},

abbiamo ricevuto la tua segnalazione "{{title}}" ({{category}}) del {{submittedAt}}.
Il riferimento da citare è {{reference}}.

Cosa succede ora: l'ufficio competente, {{office}}, la prende in carico e le assegna un numero di protocollo; ti scriveremo a ogni passo.
La presa in carico è prevista entro il {{dueTakeInChargeAt}}.
Finché non è presa in carico puoi modificarla dalla pagina "Le mie segnalazioni": {{myReportUrl}}

Il testo e le foto saranno pubblicati nell'archivio solo dopo l'approvazione dell'ufficio.`,
    },
    en: {
      subject: 'We received your report [{{reference}}]',
      text: `Dear {{firstName}} {{lastName}},

we received your report "{{title}}" ({{category}}) of {{submittedAt}}.
The reference to quote is {{reference}}.

What happens next: the office in charge, {{office}}, takes it in charge and gives it a protocol number; we will write to you at every step.
It is due to be taken in charge by {{dueTakeInChargeAt}}.
Until then you can edit it from "My reports": {{myReportUrl}}

Its text and photos will be published in the archive only after the office approves them.`,
    },
  },
  'report-modified': {
    it: {
      subject: 'Segnalazione modificata [{{reference}}]: {{title}}',
      text: `Il cittadino ha modificato la segnalazione {{reference}} ({{category}}).

Modifiche:
{{changes}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report modified [{{reference}}]: {{title}}',
      text: `The citizen modified report {{reference}} ({{category}}).

Changes:
{{changes}}

Handle the report: {{adminUrl}}`,
    },
  },
  'report-commented': {
    it: {
      subject: 'Nuovo commento sulla segnalazione [{{reference}}]: {{title}}',
      text: `{{client}} ha inoltrato un commento sulla segnalazione {{reference}} ({{category}}).
Scritto da: {{author}}

{{comment}}

Secondo chi scrive, la segnalazione è: {{statusHint}}
Foto allegata al commento (un collegamento esterno: aprirlo con cautela): {{commentMediaUrl}}

Il commento non è pubblico. Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'New comment on report [{{reference}}]: {{title}}',
      text: `{{client}} relayed a comment on report {{reference}} ({{category}}).
Written by: {{author}}

{{comment}}

According to the writer, the report is: {{statusHint}}
Photo attached to the comment (an external link: open it with care): {{commentMediaUrl}}

The comment is not public. Handle the report: {{adminUrl}}`,
    },
  },
  'report-assigned': {
    it: {
      subject: 'Segnalazione assegnata al vostro ufficio [{{reference}}]: {{title}}',
      text: `La segnalazione {{reference}} ({{category}}) è stata assegnata al vostro ufficio da {{actor}}.
Protocollo: {{protocolNumber}}
Nota: {{note}}

{{title}}

{{description}}

Luogo: {{address}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report assigned to your office [{{reference}}]: {{title}}',
      text: `Report {{reference}} ({{category}}) was assigned to your office by {{actor}}.
Protocol number: {{protocolNumber}}
Note: {{note}}

{{title}}

{{description}}

Place: {{address}}

Handle the report: {{adminUrl}}`,
    },
  },
  'report-taken-in-charge': {
    it: {
      subject: 'Segnalazione presa in carico: protocollo {{protocolNumber}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione "{{title}}" ({{reference}}) è stata presa in carico il {{takenInChargeAt}} da {{office}}.
Il numero di protocollo è {{protocolNumber}}: citalo per ogni richiesta agli uffici.
La prima risposta, sulla fattibilità dell'intervento, è prevista entro il {{dueFirstAnswerAt}}.

Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'Report taken in charge: protocol number {{protocolNumber}}',
      text: `Dear {{firstName}} {{lastName}},

your report "{{title}}" ({{reference}}) was taken in charge on {{takenInChargeAt}} by {{office}}.
Its protocol number is {{protocolNumber}}: quote it whenever you contact the offices.
The first answer, on whether the work can be done, is due by {{dueFirstAnswerAt}}.

Follow your report: {{myReportUrl}}`,
    },
  },
  'report-text-moderated': {
    it: {
      subject: 'Il testo della tua segnalazione {{reference}} è stato {{decision}}',
      text: `Gentile {{firstName}} {{lastName}},

il testo della tua segnalazione "{{title}}" è stato {{decision}} da {{office}}.
Testo che potrà essere pubblicato: {{publicText}}
Motivo: {{reason}}

Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'The text of your report {{reference}} was {{decision}}',
      text: `Dear {{firstName}} {{lastName}},

the text of your report "{{title}}" was {{decision}} by {{office}}.
Text that may be published: {{publicText}}
Reason: {{reason}}

Follow your report: {{myReportUrl}}`,
    },
  },
  'report-photo-moderated': {
    it: {
      subject: 'Una foto della tua segnalazione {{reference}} è stata {{decision}}',
      text: `Gentile {{firstName}} {{lastName}},

la foto n. {{photoNumber}} della tua segnalazione "{{title}}" è stata {{decision}} da {{office}}.
Motivo: {{reason}}

Solo le foto approvate possono comparire nell'archivio pubblico.
Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'A photo of your report {{reference}} was {{decision}}',
      text: `Dear {{firstName}} {{lastName}},

photo no. {{photoNumber}} of your report "{{title}}" was {{decision}} by {{office}}.
Reason: {{reason}}

Only approved photos can appear in the public archive.
Follow your report: {{myReportUrl}}`,
    },
  },
  'report-published': {
    it: {
      subject: 'La tua segnalazione {{protocolNumber}} è pubblicata',
      text: `Gentile {{firstName}} {{lastName}},

dal {{publishedAt}} la tua segnalazione "{{title}}" è visibile nell'archivio pubblico dello Sportello, con il testo e le foto approvati.
Il tuo nome e il tuo indirizzo email non vengono mai pubblicati.

{{publicReportUrl}}`,
    },
    en: {
      subject: 'Your report {{protocolNumber}} is published',
      text: `Dear {{firstName}} {{lastName}},

since {{publishedAt}} your report "{{title}}" is visible in the public archive, with its approved text and photos.
Your name and email address are never published.

{{publicReportUrl}}`,
    },
  },
  'report-unpublished': {
    it: {
      subject: 'La tua segnalazione {{protocolNumber}} non è più pubblicata',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione "{{title}}" è stata ritirata dall'archivio pubblico da {{office}}. La sua gestione prosegue.

Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'Your report {{protocolNumber}} is no longer published',
      text: `Dear {{firstName}} {{lastName}},

your report "{{title}}" was withdrawn from the public archive by {{office}}. Its handling goes on.

Follow your report: {{myReportUrl}}`,
    },
  },
  'report-reply': {
    it: {
      subject: 'Risposta alla tua segnalazione {{protocolNumber}}: {{replyKind}}',
      text: `Gentile {{firstName}} {{lastName}},

{{office}} ha risposto alla tua segnalazione "{{title}}" ({{replyKind}}):

{{reply}}

La chiusura, con un ultimo messaggio, è prevista entro il {{dueCloseAt}}.
Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'Answer to your report {{protocolNumber}}: {{replyKind}}',
      text: `Dear {{firstName}} {{lastName}},

{{office}} answered your report "{{title}}" ({{replyKind}}):

{{reply}}

It is due to be closed, with a last message, by {{dueCloseAt}}.
Follow your report: {{myReportUrl}}`,
    },
  },
  'report-closed': {
    it: {
      subject: 'Segnalazione {{protocolNumber}} chiusa',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione "{{title}}" è stata chiusa il {{closedAt}} da {{office}} con questa risposta:

{{reply}}

Grazie per la collaborazione.
{{myReportUrl}}`,
    },
    en: {
      subject: 'Report {{protocolNumber}} closed',
      text: `Dear {{firstName}} {{lastName}},

your report "{{title}}" was closed on {{closedAt}} by {{office}} with this answer:

{{reply}}

Thank you for your help.
{{myReportUrl}}`,
    },
  },
  'report-rejected': {
    it: {
      subject: 'Segnalazione {{reference}} non accolta',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione "{{title}}" non è stata accolta da {{office}}, per questo motivo:

{{reply}}

Protocollo: {{protocolNumber}}
{{myReportUrl}}`,
    },
    en: {
      subject: 'Report {{reference}} not accepted',
      text: `Dear {{firstName}} {{lastName}},

your report "{{title}}" was not accepted by {{office}}, for this reason:

{{reply}}

Protocol number: {{protocolNumber}}
{{myReportUrl}}`,
    },
  },
  'report-reopened': {
    it: {
      subject: 'Segnalazione {{protocolNumber}} riaperta',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione "{{title}}" è stata riaperta da {{office}}:

{{reason}}

Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'Report {{protocolNumber}} reopened',
      text: `Dear {{firstName}} {{lastName}},

your report "{{title}}" was reopened by {{office}}:

{{reason}}

Follow your report: {{myReportUrl}}`,
    },
  },
  'report-duplicate': {
    it: {
      subject: 'Segnalazione {{reference}}: il problema era già stato segnalato',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione "{{title}}" riguarda lo stesso problema della segnalazione {{originalReference}}, già all'attenzione del Comune: per questo è stata chiusa il {{closedAt}} da {{office}}.

Puoi seguire la segnalazione originale qui: {{originalUrl}}

Grazie per la collaborazione.
{{myReportUrl}}`,
    },
    en: {
      subject: 'Report {{reference}}: the problem had already been reported',
      text: `Dear {{firstName}} {{lastName}},

your report "{{title}}" is about the same problem as report {{originalReference}}, which the municipality is already dealing with: so it was closed on {{closedAt}} by {{office}}.

You can follow the original report here: {{originalUrl}}

Thank you for your help.
{{myReportUrl}}`,
    },
  },
  'report-updates': {
    it: {
      subject: 'Novità sulla tua segnalazione {{reference}}',
      text: `Gentile {{firstName}} {{lastName}},

ci sono novità sulla tua segnalazione "{{title}}", da {{office}}:

{{updates}}

Segui la segnalazione: {{myReportUrl}}`,
    },
    en: {
      subject: 'News about your report {{reference}}',
      text: `Dear {{firstName}} {{lastName}},

there is news about your report "{{title}}", from {{office}}:

{{updates}}

Follow your report: {{myReportUrl}}`,
    },
  },
  'deadline-reminder': {
    it: {
      subject: 'Promemoria: scadenza {{stepLabel}} [{{reference}}] {{title}}',
      text: `La segnalazione {{reference}} ({{category}}) deve arrivare alla {{stepLabel}} entro il {{due}}.
Protocollo: {{protocolNumber}}

{{title}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Reminder: {{stepLabel}} due [{{reference}}] {{title}}',
      text: `Report {{reference}} ({{category}}) is due for {{stepLabel}} by {{due}}.
Protocol number: {{protocolNumber}}

{{title}}

Handle the report: {{adminUrl}}`,
    },
  },
  'deadline-escalation': {
    it: {
      subject: 'Scadenza superata: {{stepLabel}} [{{reference}}] {{title}}',
      text: `La segnalazione {{reference}} ({{category}}) di {{office}} ha superato la scadenza per la {{stepLabel}}, prevista entro il {{due}}.
Protocollo: {{protocolNumber}}

{{title}}

Verifica con l'ufficio: {{adminUrl}}`,
    },
    en: {
      subject: 'Deadline missed: {{stepLabel}} [{{reference}}] {{title}}',
      text: `Report {{reference}} ({{category}}) of {{office}} missed its deadline for {{stepLabel}}, due by {{due}}.
Protocol number: {{protocolNumber}}

{{title}}

Check with the office: {{adminUrl}}`,
    },
  },
};

/**
 * The words a mail's data carries besides names, numbers and dates, in the reader's language: the
 * citizen's for theirs, Italian for the offices'.
 */
export interface MailWords {
  /** The category of a report still waiting for triage. */
  readonly uncategorised: string;
  /** The text's moderation, and a photo's (Italian agrees with "il testo" and "la foto"). */
  readonly textDecision: Readonly<Record<'approve' | 'reject', string>>;
  readonly photoDecision: Readonly<Record<'approve' | 'reject', string>>;
  /** The kind of an officer's reply. */
  readonly replyKinds: Readonly<Record<'feasibility' | 'progress', string>>;
}

export const MAIL_WORDS: Readonly<Record<Locale, MailWords>> = {
  it: {
    uncategorised: 'da assegnare',
    textDecision: { approve: 'approvato', reject: 'rifiutato' },
    photoDecision: { approve: 'approvata', reject: 'rifiutata' },
    replyKinds: { feasibility: 'fattibilità', progress: 'aggiornamento' },
  },
  en: {
    uncategorised: 'to be assigned',
    textDecision: { approve: 'approved', reject: 'rejected' },
    photoDecision: { approve: 'approved', reject: 'rejected' },
    replyKinds: { feasibility: 'feasibility', progress: 'progress update' },
  },
};

export type TemplateData = Record<string, string | number | null | undefined>;

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

const valueOf = (data: TemplateData, key: string) => {
  const value = data[key];
  return value === null || value === undefined ? '' : String(value);
};

/** Placeholders whose values are names of offices: an Italian preposition before them takes their article. */
const OFFICE_PLACEHOLDERS = new Set(['office']);
/** A word right before a placeholder, in Italian: a preposition, or an article before a date. */
const JOINED_PLACEHOLDER = new RegExp(`\\b(${JOINING_WORDS.join('|')}) \\{\\{\\s*([a-zA-Z0-9_]+)\\s*\\}\\}`, 'g');

/** "da {{office}}" → "dall'Ufficio Strade", "entro il {{due}}" → "entro l'1 dicembre…": the words joined to values as Italian joins them. */
function joinItalian(line: string, data: TemplateData): string {
  return line.replace(JOINED_PLACEHOLDER, (whole, word: string, key: string) => {
    const value = valueOf(data, key);
    if (value.trim() === '') return whole;
    if (OFFICE_PLACEHOLDERS.has(key) && isPreposition(word)) return withArticle(word, value);
    if (isArticleBeforeDay(word) && isWrittenDate(value)) {
      const article = articleBeforeDay(word, value);
      return article.endsWith("'") ? `${article}${value}` : `${article} ${value}`;
    }
    return whole;
  });
}

/** Fills `{{placeholders}}`, leaving out every line whose placeholders are all empty; Italian joins its words to the values. */
export function fill(template: string, data: TemplateData, locale: Locale = 'it'): string {
  return template
    .split('\n')
    .filter((line) => {
      const keys = [...line.matchAll(PLACEHOLDER)].map((match) => match[1]);
      return keys.length === 0 || keys.some((key) => valueOf(data, key).trim() !== '');
    })
    .map((line) => (locale === 'it' ? joinItalian(line, data) : line).replace(PLACEHOLDER, (_, key: string) => valueOf(data, key)))
    .join('\n');
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function textToHtml(text: string, locale: Locale): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) =>
      escapeHtml(block)
        .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>'),
    )
    .map((block) => `<p>${block}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">\n${paragraphs}\n</body></html>`;
}

export function resolveTemplate(name: TemplateName, locale: Locale, overrides: TemplateOverrides = {}): MailTemplate {
  return { ...DEFAULT_TEMPLATES[name][locale], ...overrides[name]?.[locale] };
}

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && value in DEFAULT_TEMPLATES;
}

export function renderMail(name: TemplateName, data: TemplateData, locale: Locale, overrides: TemplateOverrides = {}): RenderedMail {
  const template = resolveTemplate(name, locale, overrides);
  // A subject is one line: values with line breaks (a description) must not break the header.
  const subject = fill(template.subject, data, locale).replace(/\s+/g, ' ').trim();
  const text =
    fill(template.text, data, locale)
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n';
  return { subject, text, html: textToHtml(text, locale) };
}

const DATE_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  timeZone: 'Europe/Rome',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** A date as people in the municipality read it: "23 novembre 2026, 14:05". */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', DATE_TIME_FORMAT).format(date);
}
