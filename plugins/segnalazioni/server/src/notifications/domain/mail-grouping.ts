import type { Locale } from '../../common/domain/messages';
import { fill, type TemplateData, type TemplateName } from './mail-templates';

/**
 * Moderation and publication steps an officer does together reach the citizen as one message: each
 * waits a short window (`MAIL_GROUPING_SECONDS`) in the outbox, and what is waiting for the same report
 * and recipient when the first one falls due goes out as one "report-updates" message, a line per step.
 * Taking in charge, replies, closure and everything else go at once.
 */
export const GROUPED_TEMPLATES = ['report-text-moderated', 'report-photo-moderated', 'report-published'] as const satisfies readonly TemplateName[];
export type GroupedTemplate = (typeof GROUPED_TEMPLATES)[number];

export const isGrouped = (template: string): template is GroupedTemplate => (GROUPED_TEMPLATES as readonly string[]).includes(template);

/** One step of the digest, from the data its own message was filled with; a line whose placeholders are all empty is left out. */
const LINES: Record<GroupedTemplate, Record<Locale, string>> = {
  'report-text-moderated': {
    it: `– Il testo è stato {{decision}} da {{office}}.
  Motivo: {{reason}}`,
    en: `– The text was {{decision}} by {{office}}.
  Reason: {{reason}}`,
  },
  'report-photo-moderated': {
    it: `– La foto n. {{photoNumber}} è stata {{decision}}.
  Motivo: {{reason}}`,
    en: `– Photo no. {{photoNumber}} was {{decision}}.
  Reason: {{reason}}`,
  },
  'report-published': {
    it: `– È visibile nell'archivio pubblico dal {{publishedAt}}, con il testo e le foto approvati.`,
    en: `– It has been in the public archive since {{publishedAt}}, with the approved text and photos.`,
  },
};

export interface GroupedMessage {
  readonly template: GroupedTemplate;
  readonly data: TemplateData;
}

/** The data of the one message that replaces `messages` (oldest first): the newest report data, and the steps as lines. */
export function digestData(messages: readonly GroupedMessage[], locale: Locale): TemplateData {
  const latest = messages[messages.length - 1]?.data ?? {};
  const updates = messages.map(({ template, data }) => fill(LINES[template][locale], data, locale)).join('\n');
  // A public thread (a Facebook comment) reads the steps without the reasons, which are the citizen's alone.
  const publicUpdates = messages.map(({ template, data }) => fill(LINES[template][locale], { ...data, reason: '' }, locale)).join('\n');
  // The public page is linked when the group published the report.
  const published = messages.find(({ template }) => template === 'report-published');
  return { ...latest, updates, publicUpdates, publishedReportUrl: published ? (published.data.publicReportUrl ?? '') : '' };
}
