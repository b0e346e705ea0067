import { CITIZEN_TEMPLATES, fill, type CitizenTemplate, type TemplateData } from '../../notifications/domain/mail-templates';
import type { Locale } from '../../common/domain/messages';

/**
 * The messages a citizen reads on WhatsApp or under a Facebook post: short plain texts, one for
 * each citizen mail, filled from the same template data as the mail (so they say the same things),
 * plus the channels' own answers. A line whose placeholders are all empty is left out, as in mails.
 * They go out in Italian: a chat or thread sender has no account to choose a language with, Meta's
 * payloads tell none reliably, and a Facebook answer is a comment everybody reads.
 */

export type ChannelTextName = CitizenTemplate | 'channel-photo-refused' | 'channel-place-refused' | 'channel-unsupported';

const PRIVATE_REPLY_NOTE: Record<Locale, string> = {
  it: "La risposta è riservata: per conoscerla contatta l'URP citando il numero di protocollo.",
  en: 'The answer is confidential: to read it, contact the URP quoting the protocol number.',
};

export const CHANNEL_TEXTS: Record<ChannelTextName, Record<Locale, string>> = {
  'report-receipt': {
    it: `Sportello Segnalazioni: abbiamo ricevuto la tua segnalazione, riferimento {{reference}}.
L'ufficio ora è chiuso: la leggeremo dal {{handledFrom}}.
La presa in carico, con un numero di protocollo, è prevista entro il {{dueTakeInChargeAt}}. Ti risponderemo qui a ogni passo.
Segui la segnalazione: {{followUrl}}`,
    en: `Sportello Segnalazioni: we received your report, reference {{reference}}.
The office is closed now: we will read it from {{handledFrom}}.
It is due to be taken in charge, with a protocol number, by {{dueTakeInChargeAt}}. We will answer here at every step.
Follow your report: {{followUrl}}`,
  },
  'report-taken-in-charge': {
    it: `La tua segnalazione {{reference}} è stata presa in carico da {{office}} il {{takenInChargeAt}}.
Numero di protocollo: {{protocolNumber}} (citalo per ogni richiesta agli uffici).
Prima risposta, sulla fattibilità, entro il {{dueFirstAnswerAt}}.
Segui la segnalazione: {{followUrl}}`,
    en: `Your report {{reference}} was taken in charge by {{office}} on {{takenInChargeAt}}.
Protocol number: {{protocolNumber}} (quote it whenever you contact the offices).
First answer, on feasibility, by {{dueFirstAnswerAt}}.
Follow your report: {{followUrl}}`,
  },
  'report-text-moderated': {
    it: `Il testo della tua segnalazione {{reference}} è stato {{decision}} per la pubblicazione.
Motivo: {{reason}}
Segui la segnalazione: {{followUrl}}`,
    en: `The text of your report {{reference}} was {{decision}} for publication.
Reason: {{reason}}
Follow your report: {{followUrl}}`,
  },
  'report-photo-moderated': {
    it: `La foto n. {{photoNumber}} della tua segnalazione {{reference}} è stata {{decision}}.
Motivo: {{reason}}
Segui la segnalazione: {{followUrl}}`,
    en: `Photo no. {{photoNumber}} of your report {{reference}} was {{decision}}.
Reason: {{reason}}
Follow your report: {{followUrl}}`,
  },
  'report-published': {
    it: `La tua segnalazione {{protocolNumber}} è pubblicata nell'archivio dello Sportello: {{publicReportUrl}}
Segui la segnalazione: {{followUrl}}`,
    en: `Your report {{protocolNumber}} is published in the archive: {{publicReportUrl}}
Follow your report: {{followUrl}}`,
  },
  'report-unpublished': {
    it: `La tua segnalazione {{protocolNumber}} è stata ritirata dall'archivio pubblico; la sua gestione prosegue.
Segui la segnalazione: {{followUrl}}`,
    en: `Your report {{protocolNumber}} was withdrawn from the public archive; its handling goes on.
Follow your report: {{followUrl}}`,
  },
  'report-reply': {
    it: `Risposta di {{office}} alla segnalazione {{protocolNumber}} ({{replyKind}}):
{{reply}}
{{privateReplyNote}}
Chiusura prevista entro il {{dueCloseAt}}.
Segui la segnalazione: {{followUrl}}`,
    en: `Answer of {{office}} to report {{protocolNumber}} ({{replyKind}}):
{{reply}}
{{privateReplyNote}}
Due to be closed by {{dueCloseAt}}.
Follow your report: {{followUrl}}`,
  },
  'report-closed': {
    it: `La segnalazione {{protocolNumber}} è stata chiusa da {{office}} il {{closedAt}}:
{{reply}}
{{privateReplyNote}}
Grazie per la collaborazione.
Segui la segnalazione: {{followUrl}}`,
    en: `Report {{protocolNumber}} was closed by {{office}} on {{closedAt}}:
{{reply}}
{{privateReplyNote}}
Thank you for your help.
Follow your report: {{followUrl}}`,
  },
  'report-rejected': {
    it: `La segnalazione {{reference}} non è stata accolta da {{office}}:
{{reply}}
{{privateReplyNote}}
Segui la segnalazione: {{followUrl}}`,
    en: `Report {{reference}} was not accepted by {{office}}:
{{reply}}
{{privateReplyNote}}
Follow your report: {{followUrl}}`,
  },
  'report-reopened': {
    it: `La segnalazione {{protocolNumber}} è stata riaperta da {{office}}.
Motivo: {{reason}}
Segui la segnalazione: {{followUrl}}`,
    en: `Report {{protocolNumber}} was reopened by {{office}}.
Reason: {{reason}}
Follow your report: {{followUrl}}`,
  },
  'report-duplicate': {
    it: `La segnalazione {{reference}} riguarda lo stesso problema della segnalazione {{originalReference}}, già all'attenzione del Comune: per questo è stata chiusa da {{office}} il {{closedAt}}.
Segui la segnalazione originale: {{originalUrl}}
Segui la segnalazione: {{followUrl}}`,
    en: `Report {{reference}} is about the same problem as report {{originalReference}}, which the municipality is already dealing with: so it was closed by {{office}} on {{closedAt}}.
Follow the original report: {{originalUrl}}
Follow your report: {{followUrl}}`,
  },
  'report-updates': {
    it: `Novità sulla segnalazione {{reference}}:
{{updates}}
Segnalazione pubblicata: {{publishedReportUrl}}
Segui la segnalazione: {{followUrl}}`,
    en: `News about report {{reference}}:
{{updates}}
Published report: {{publishedReportUrl}}
Follow your report: {{followUrl}}`,
  },
  'channel-photo-refused': {
    it: `Non abbiamo potuto allegare la foto: {{photoProblem}}
Segnalazione: {{reference}}`,
    en: `We could not attach the photo: {{photoProblem}}
Report: {{reference}}`,
  },
  'channel-place-refused': {
    it: `La posizione che ci hai mandato è fuori dal territorio del Comune: non l'abbiamo registrata. Mandaci la posizione del problema, oppure scrivi l'indirizzo.`,
    en: `The location you sent is outside the municipality, so we did not record it. Send us the location of the problem, or write the address.`,
  },
  'channel-unsupported': {
    it: `Sportello Segnalazioni: riceviamo testo, foto e posizione. Questo messaggio ({{messageType}}) non è stato registrato: descrivici il problema per iscritto.`,
    en: `Sportello Segnalazioni: we receive text, photos and locations. This message ({{messageType}}) was not recorded: please describe the problem in writing.`,
  },
};

/** Longest text sent: WhatsApp takes 4096 characters, a Facebook comment 8000. */
export const MAX_CHANNEL_TEXT = 4000;

/** What a public thread must not show: the citizen's own words, what the office said only to them, their personal link. */
const PRIVATE_FIELDS = ['description', 'firstName', 'lastName', 'reason', 'publicText', 'followUrl'] as const;

export function isChannelTextName(value: unknown): value is ChannelTextName {
  return typeof value === 'string' && value in CHANNEL_TEXTS;
}

export function isCitizenTemplate(value: unknown): value is CitizenTemplate {
  return typeof value === 'string' && (CITIZEN_TEMPLATES as readonly string[]).includes(value);
}

/**
 * The data a public thread may show. A reply the office did not make public is replaced by a note
 * (`replyVisibility` comes with replies, closures and rejections).
 */
export function publicData(data: TemplateData, locale: Locale): TemplateData {
  const visible: TemplateData = { ...data };
  for (const field of PRIVATE_FIELDS) delete visible[field];
  // A digest's steps as the public may read them (notifications/domain/mail-grouping.ts).
  if (data.publicUpdates !== undefined) visible.updates = data.publicUpdates;
  delete visible.publicUpdates;
  if (data.reply && data.replyVisibility !== 'public') {
    delete visible.reply;
    visible.privateReplyNote = PRIVATE_REPLY_NOTE[locale];
  }
  return visible;
}

export function renderChannelText(name: ChannelTextName, data: TemplateData, locale: Locale, audience: 'private' | 'public'): string {
  const text = fill(CHANNEL_TEXTS[name][locale], audience === 'public' ? publicData(data, locale) : data, locale)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.length > MAX_CHANNEL_TEXT ? `${text.slice(0, MAX_CHANNEL_TEXT - 1)}…` : text;
}
