import type { Locale } from '../../common/domain/messages';
import { linksIn, mailHtml, type Letterhead } from './mail-layout';
import { articleBeforeDay, isArticleBeforeDay, isPreposition, isWrittenDate, JOINING_WORDS, withArticle } from '../../common/domain/italian';

/**
 * Mail templates: a subject and a plain text with `{{placeholders}}`. A line whose placeholders
 * are all empty is left out, so optional parts (an address, a deadline) need no conditionals.
 * The HTML part is made from the text (mail-layout.ts). Municipalities override any template per locale in the
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

/** The mails that go to the citizen about their report, and so have a channel text and the office's signature. */
export const CITIZEN_TEMPLATES = [
  'report-receipt',
  'report-taken-in-charge',
  'report-text-moderated',
  'report-photo-moderated',
  'report-published',
  'report-unpublished',
  'report-reply',
  'report-closed',
  'report-rejected',
  'report-reopened',
  'report-duplicate',
  'report-updates',
] as const satisfies readonly TemplateName[];
export type CitizenTemplate = (typeof CITIZEN_TEMPLATES)[number];

export type TemplateSet = Record<TemplateName, Record<Locale, MailTemplate>>;
export type TemplateOverrides = Partial<Record<TemplateName, Partial<Record<Locale, Partial<MailTemplate>>>>>;

export const DEFAULT_TEMPLATES: TemplateSet = {
  'account-confirmation': {
    it: {
      subject: 'Conferma la registrazione allo Sportello Segnalazioni – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

grazie per la registrazione allo Sportello Segnalazioni di {{municipality}}.
Per attivare il tuo account apri il collegamento qui sotto.

Attiva l'account: {{confirmationUrl}}

Se non hai chiesto tu la registrazione, ignora questo messaggio.`,
    },
    en: {
      subject: 'Confirm your registration to Sportello Segnalazioni – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

thank you for registering with the Sportello Segnalazioni of {{municipality}}.
To activate your account, open the link below.

Activate the account: {{confirmationUrl}}

If you did not register, please ignore this message.`,
    },
  },
  'account-exists': {
    it: {
      subject: 'Il tuo account dello Sportello Segnalazioni – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

qualcuno ha chiesto di registrare questo indirizzo allo Sportello Segnalazioni di {{municipality}}
(o di ricevere di nuovo l'email di conferma), ma esiste già un account attivo con questo indirizzo. Non abbiamo cambiato nulla.

Se eri tu, accedi con la tua password; se non la ricordi, scegline una nuova.

Accedi: {{loginUrl}}
Scegli una nuova password: {{forgotPasswordUrl}}

Se non eri tu, ignora questo messaggio: il tuo account resta com'è.`,
    },
    en: {
      subject: 'Your Sportello Segnalazioni account – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

someone asked to register this address with the Sportello Segnalazioni of {{municipality}}
(or to receive the confirmation email again), but an active account with this address already exists. Nothing has been changed.

If it was you, log in with your password; if you do not remember it, choose a new one.

Log in: {{loginUrl}}
Choose a new password: {{forgotPasswordUrl}}

If it was not you, please ignore this message: your account stays as it is.`,
    },
  },
  'password-reset': {
    it: {
      subject: 'Reimposta la password dello Sportello Segnalazioni – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

abbiamo ricevuto una richiesta di reimpostare la password del tuo account allo Sportello Segnalazioni di {{municipality}}.
Per sceglierne una nuova apri il collegamento qui sotto entro {{validMinutes}} minuti.

Scegli una nuova password: {{resetUrl}}

Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: la tua password resta quella di prima.`,
    },
    en: {
      subject: 'Reset your Sportello Segnalazioni password – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

we received a request to reset the password of your account with the Sportello Segnalazioni of {{municipality}}.
To choose a new one, open the link below within {{validMinutes}} minutes.

Choose a new password: {{resetUrl}}

If you did not ask to reset your password, please ignore this message: your password stays as it was.`,
    },
  },
  'report-received': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: nuova, «{{title}}» – {{municipality}}',
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
Foto: {{photoCount}}

Mappa: {{mapUrl}}
{{photoLinks}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: new, “{{title}}” – {{municipality}}',
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
Photos: {{photoCount}}

Map: {{mapUrl}}
{{photoLinks}}

Handle the report: {{adminUrl}}`,
    },
  },
  'report-receipt': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: ricevuta – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

abbiamo ricevuto la tua segnalazione del {{submittedAt}}. Il riferimento da citare è {{reference}}.

{{reportFacts}}

Cosa succede ora: l'ufficio competente, {{office}}, la prende in carico e le assegna un numero di protocollo; ti scriveremo a ogni passo.
La presa in carico è prevista entro il {{dueTakeInChargeAt}}.

Il testo e le foto saranno pubblicati nell'archivio solo dopo l'approvazione dell'ufficio.

Segui la segnalazione: {{followUrl}}
Modificala finché non è presa in carico: {{myReportUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: received – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

we received your report of {{submittedAt}}. The reference to quote is {{reference}}.

{{reportFacts}}

What happens next: the office in charge, {{office}}, takes it in charge and gives it a protocol number; we will write to you at every step.
It is due to be taken in charge by {{dueTakeInChargeAt}}.

Its text and photos will be published in the archive only after the office approves them.

Follow your report: {{followUrl}}
Edit it until it is taken in charge: {{myReportUrl}}`,
    },
  },
  'report-modified': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: modificata da chi l’ha inviata, «{{title}}» – {{municipality}}',
      text: `Chi ha inviato la segnalazione {{reference}} ({{category}}) l'ha modificata.

Modifiche:
{{changes}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: changed by its sender, “{{title}}” – {{municipality}}',
      text: `The sender of report {{reference}} ({{category}}) changed it.

Changes:
{{changes}}

Handle the report: {{adminUrl}}`,
    },
  },
  'report-commented': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: nuovo commento, «{{title}}» – {{municipality}}',
      text: `{{client}} ha inoltrato un commento sulla segnalazione {{reference}} ({{category}}).
Scritto da: {{author}}

{{comment}}

Secondo chi scrive, la segnalazione è: {{statusHint}}
Foto allegata al commento (un collegamento esterno: aprirlo con cautela): {{commentMediaUrl}}

Il commento non è pubblico.

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: new comment, “{{title}}” – {{municipality}}',
      text: `{{client}} relayed a comment on report {{reference}} ({{category}}).
Written by: {{author}}

{{comment}}

According to the writer, the report is: {{statusHint}}
Photo attached to the comment (an external link: open it with care): {{commentMediaUrl}}

The comment is not public.

Handle the report: {{adminUrl}}`,
    },
  },
  'report-assigned': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: assegnata al vostro ufficio, «{{title}}» – {{municipality}}',
      text: `La segnalazione {{reference}} ({{category}}) è stata assegnata al vostro ufficio da {{actor}}.
Protocollo: {{protocolNumber}}
Nota: {{note}}

{{title}}

{{description}}

Luogo: {{address}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: assigned to your office, “{{title}}” – {{municipality}}',
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
      subject: 'Segnalazione {{reportNumber}}: presa in carico – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione è stata presa in carico il {{takenInChargeAt}} da {{office}}.
Il numero di protocollo è {{protocolNumber}}: citalo per ogni richiesta agli uffici.
La prima risposta, sulla fattibilità dell'intervento, è prevista entro il {{dueFirstAnswerAt}}.

{{reportFacts}}

Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: taken in charge – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

your report was taken in charge on {{takenInChargeAt}} by {{office}}.
Its protocol number is {{protocolNumber}}: quote it whenever you contact the offices.
The first answer, on whether the work can be done, is due by {{dueFirstAnswerAt}}.

{{reportFacts}}

Follow your report: {{followUrl}}`,
    },
  },
  'report-text-moderated': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: testo {{decision}} – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

il testo della tua segnalazione è stato {{decision}} da {{office}}.
Testo che potrà essere pubblicato: {{publicText}}
Motivo: {{reason}}

{{reportFacts}}

Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: text {{decision}} – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

the text of your report was {{decision}} by {{office}}.
Text that may be published: {{publicText}}
Reason: {{reason}}

{{reportFacts}}

Follow your report: {{followUrl}}`,
    },
  },
  'report-photo-moderated': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: foto n. {{photoNumber}} {{decision}} – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la foto n. {{photoNumber}} della tua segnalazione è stata {{decision}} da {{office}}.
Motivo: {{reason}}
Solo le foto approvate possono comparire nell'archivio pubblico.

{{reportFacts}}

Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: photo no. {{photoNumber}} {{decision}} – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

photo no. {{photoNumber}} of your report was {{decision}} by {{office}}.
Reason: {{reason}}
Only approved photos can appear in the public archive.

{{reportFacts}}

Follow your report: {{followUrl}}`,
    },
  },
  'report-published': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: pubblicata nell’archivio – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

dal {{publishedAt}} la tua segnalazione è visibile nell'archivio pubblico dello Sportello, con il testo e le foto approvati.
Il tuo nome e il tuo indirizzo email non vengono mai pubblicati.

{{reportFacts}}

Vedi la segnalazione pubblicata: {{publicReportUrl}}
Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: published in the archive – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

since {{publishedAt}} your report has been visible in the public archive, with its approved text and photos.
Your name and email address are never published.

{{reportFacts}}

See the published report: {{publicReportUrl}}
Follow your report: {{followUrl}}`,
    },
  },
  'report-unpublished': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: ritirata dall’archivio pubblico – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione è stata ritirata dall'archivio pubblico da {{office}}. La sua gestione prosegue.

{{reportFacts}}

Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: withdrawn from the public archive – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

your report was withdrawn from the public archive by {{office}}. Its handling goes on.

{{reportFacts}}

Follow your report: {{followUrl}}`,
    },
  },
  'report-reply': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: risposta dell’ufficio ({{replyKind}}) – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

{{office}} ha risposto alla tua segnalazione ({{replyKind}}):

{{reply}}

La chiusura, con un ultimo messaggio, è prevista entro il {{dueCloseAt}}.

{{reportFacts}}

Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: answer from the office ({{replyKind}}) – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

{{office}} answered your report ({{replyKind}}):

{{reply}}

It is due to be closed, with a last message, by {{dueCloseAt}}.

{{reportFacts}}

Follow your report: {{followUrl}}`,
    },
  },
  'report-closed': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: chiusa – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione è stata chiusa il {{closedAt}} da {{office}} con questa risposta:

{{reply}}

Grazie per la collaborazione.

{{reportFacts}}

Apri la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: closed – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

your report was closed on {{closedAt}} by {{office}} with this answer:

{{reply}}

Thank you for your help.

{{reportFacts}}

Open the report: {{followUrl}}`,
    },
  },
  'report-rejected': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: non accolta – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione non è stata accolta da {{office}}, per questo motivo:

{{reply}}

{{reportFacts}}

Apri la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: not accepted – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

your report was not accepted by {{office}}, for this reason:

{{reply}}

{{reportFacts}}

Open the report: {{followUrl}}`,
    },
  },
  'report-reopened': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: riaperta – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione è stata riaperta da {{office}}:

{{reason}}

{{reportFacts}}

Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: reopened – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

your report was reopened by {{office}}:

{{reason}}

{{reportFacts}}

Follow your report: {{followUrl}}`,
    },
  },
  'report-duplicate': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: problema già segnalato – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

la tua segnalazione riguarda lo stesso problema della segnalazione {{originalReference}}, già all'attenzione del Comune: per questo è stata chiusa il {{closedAt}} da {{office}}.
Grazie per la collaborazione.

{{reportFacts}}

Segui la segnalazione originale: {{originalUrl}}
Apri la tua segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: already reported – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

your report is about the same problem as report {{originalReference}}, which the municipality is already dealing with: so it was closed on {{closedAt}} by {{office}}.
Thank you for your help.

{{reportFacts}}

Follow the original report: {{originalUrl}}
Open your report: {{followUrl}}`,
    },
  },
  'report-updates': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: novità – {{municipality}}',
      text: `Gentile {{firstName}} {{lastName}},

ci sono novità sulla tua segnalazione, da {{office}}:

{{updates}}

{{reportFacts}}

Vedi la segnalazione pubblicata: {{publishedReportUrl}}
Segui la segnalazione: {{followUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: news – {{municipality}}',
      text: `Dear {{firstName}} {{lastName}},

there is news about your report, from {{office}}:

{{updates}}

{{reportFacts}}

See the published report: {{publishedReportUrl}}
Follow your report: {{followUrl}}`,
    },
  },
  'deadline-reminder': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: scadenza vicina per la {{stepLabel}}, «{{title}}» – {{municipality}}',
      text: `La segnalazione {{reference}} ({{category}}) deve arrivare alla {{stepLabel}} entro il {{due}}.
Protocollo: {{protocolNumber}}

{{title}}

Gestisci la segnalazione: {{adminUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: {{stepLabel}} due soon, “{{title}}” – {{municipality}}',
      text: `Report {{reference}} ({{category}}) is due for {{stepLabel}} by {{due}}.
Protocol number: {{protocolNumber}}

{{title}}

Handle the report: {{adminUrl}}`,
    },
  },
  'deadline-escalation': {
    it: {
      subject: 'Segnalazione {{reportNumber}}: scadenza superata per la {{stepLabel}}, «{{title}}» – {{municipality}}',
      text: `La segnalazione {{reference}} ({{category}}) di {{office}} ha superato la scadenza per la {{stepLabel}}, prevista entro il {{due}}.
Protocollo: {{protocolNumber}}

{{title}}

Verifica con l'ufficio: {{adminUrl}}`,
    },
    en: {
      subject: 'Report {{reportNumber}}: {{stepLabel}} deadline missed, “{{title}}” – {{municipality}}',
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
  /** The label of a photo's link in the office's mail: "Foto 2". */
  readonly photo: string;
}

export const MAIL_WORDS: Readonly<Record<Locale, MailWords>> = {
  it: {
    uncategorised: 'da assegnare',
    textDecision: { approve: 'approvato', reject: 'rifiutato' },
    photoDecision: { approve: 'approvata', reject: 'rifiutata' },
    replyKinds: { feasibility: 'fattibilità', progress: 'aggiornamento' },
    photo: 'Foto',
  },
  en: {
    uncategorised: 'to be assigned',
    textDecision: { approve: 'approved', reject: 'rejected' },
    photoDecision: { approve: 'approved', reject: 'rejected' },
    replyKinds: { feasibility: 'feasibility', progress: 'progress update' },
    photo: 'Photo',
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

/** Placeholders whose values are names of offices or of the municipality: an Italian preposition before them takes their article. */
const NAME_PLACEHOLDERS = new Set(['office', 'municipality']);
/** A word right before a placeholder, in Italian: a preposition, or an article before a date. */
const JOINED_PLACEHOLDER = new RegExp(`\\b(${JOINING_WORDS.join('|')}) \\{\\{\\s*([a-zA-Z0-9_]+)\\s*\\}\\}`, 'g');

/** "da {{office}}" → "dall'Ufficio Strade", "entro il {{due}}" → "entro l'1 dicembre…": the words joined to values as Italian joins them. */
function joinItalian(line: string, data: TemplateData): string {
  return line.replace(JOINED_PLACEHOLDER, (whole, word: string, key: string) => {
    const value = valueOf(data, key);
    if (value.trim() === '') return whole;
    if (NAME_PLACEHOLDERS.has(key) && isPreposition(word)) return withArticle(word, value);
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

export function resolveTemplate(name: TemplateName, locale: Locale, overrides: TemplateOverrides = {}): MailTemplate {
  return { ...DEFAULT_TEMPLATES[name][locale], ...overrides[name]?.[locale] };
}

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && value in DEFAULT_TEMPLATES;
}

/** The report's key facts, a line each, in the citizen's mails (`{{reportFacts}}`); a fact the report lacks is left out. */
export const REPORT_FACTS: Record<Locale, string> = {
  it: `Segnalazione: {{title}}
Riferimento: {{reference}}
Protocollo: {{protocolNumber}}
Categoria: {{category}}
Luogo: {{address}}`,
  en: `Report: {{title}}
Reference: {{reference}}
Protocol number: {{protocolNumber}}
Category: {{category}}
Place: {{address}}`,
};

/** Data whose values are links, but not ours: shown as text, never as a link or a button. */
const FOREIGN_LINKS = new Set(['commentMediaUrl']);
const isOurLink = (key: string) => /(Url|Links)$/.test(key) && !FOREIGN_LINKS.has(key);

/**
 * Who signs a mail: to a citizen about their report, the office with its contacts; always the
 * Sportello of the municipality.
 */
function signatureOf(name: TemplateName, data: TemplateData, municipality: string): string[] {
  const sportello = `Sportello Segnalazioni – ${municipality}`;
  const office = valueOf(data, 'office').trim();
  if (!(CITIZEN_TEMPLATES as readonly string[]).includes(name) || office === '') return [sportello];
  const phone = valueOf(data, 'officePhone').trim();
  const contacts = [phone ? `Tel. ${phone}` : '', valueOf(data, 'officeEmail').trim()].filter(Boolean).join(' · ');
  return [office, ...(contacts ? [contacts] : []), sportello];
}

/**
 * A mail ready to send: the template filled with the data and the mail's common parts (the
 * municipality, the report named by its protocol number once it has one and by its reference before,
 * its key facts), a text part signed, and the HTML part made from it.
 */
export function renderMail(name: TemplateName, data: TemplateData, locale: Locale, letterhead: Letterhead, overrides: TemplateOverrides = {}): RenderedMail {
  const template = resolveTemplate(name, locale, overrides);
  const common: TemplateData = {
    ...data,
    municipality: letterhead.municipality,
    reportNumber: valueOf(data, 'protocolNumber') || valueOf(data, 'reference'),
  };
  const filled: TemplateData = { ...common, reportFacts: fill(REPORT_FACTS[locale], common, locale) };
  // A subject is one line: values with line breaks (a description) must not break the header.
  const subject = fill(template.subject, filled, locale).replace(/\s+/g, ' ').trim();
  const body = fill(template.text, filled, locale)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const signature = signatureOf(name, data, letterhead.municipality);
  const links = linksIn(Object.entries(data).flatMap(([key, value]) => (isOurLink(key) ? [value] : [])));
  return {
    subject,
    text: `${body}\n\n-- \n${signature.join('\n')}\n`,
    html: mailHtml(body, { locale, subject, letterhead, links, signature }),
  };
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
