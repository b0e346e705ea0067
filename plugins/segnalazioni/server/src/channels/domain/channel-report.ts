import type { ReportStatus } from '../../workflow/domain/lifecycle';
import { leading, truncate, visibleLength } from '../../common/domain/plain-text';
import { ADDRESS_MAX_LENGTH, DESCRIPTION_LENGTH, TITLE_LENGTH } from '../../intake/domain/report-input';

/**
 * How chat messages become a report: the first message makes it, and the sender's next messages
 * within the grouping window are added to it while nobody has taken it in charge yet. Their texts
 * come in as plain text (see the inbound parsers); what is made of them keeps the web form's limits.
 */

export type ChatChannel = 'whatsapp' | 'facebook';

/** What one message brings: words, a place, or both (a photo brings its caption as words). */
export interface MessageContent {
  readonly text?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly address?: string | null;
}

export interface ChannelReportFields {
  readonly title: string;
  readonly description: string;
  readonly address?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
}

export const FALLBACK_TITLES: Record<ChatChannel, string> = {
  whatsapp: 'Segnalazione via WhatsApp',
  facebook: 'Segnalazione via Facebook',
};

/** The description of a report whose messages so far had no words (a photo, a place). */
export const NO_TEXT = 'Segnalazione inviata senza testo (solo foto o posizione).';

const TITLE_WORDS_MAX = 80;

/** A title from the first words of a message: its first line, without hashtags, cut at a word. */
export function titleFrom(text: string | null | undefined, channel: ChatChannel): string {
  const line = (text ?? '')
    .split(/\r?\n/)
    .map((part) =>
      part
        .replace(/#[\p{L}\p{N}_]+/gu, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .find((part) => part.length > 0);
  if (!line || visibleLength(line) < TITLE_LENGTH.min) return FALLBACK_TITLES[channel];
  if (line.length <= TITLE_WORDS_MAX) return line;
  const cut = leading(line, TITLE_WORDS_MAX);
  const space = cut.lastIndexOf(' ');
  const atWord = space > 0 ? cut.slice(0, space).trim() : '';
  return `${visibleLength(atWord) >= TITLE_LENGTH.min ? atWord : cut}…`;
}

const placeOf = (content: MessageContent) =>
  content.latitude != null && content.longitude != null
    ? { latitude: content.latitude, longitude: content.longitude, address: content.address ? truncate(content.address.trim(), ADDRESS_MAX_LENGTH) : null }
    : {};

/** The report the first message makes. */
export function firstReportFields(channel: ChatChannel, content: MessageContent): ChannelReportFields {
  const text = content.text?.trim() ?? '';
  return {
    title: titleFrom(text, channel),
    description: text ? truncate(text, DESCRIPTION_LENGTH.max) : NO_TEXT,
    ...placeOf(content),
  };
}

/** What a later message changes in the report: its words are added, its place replaces the previous one. */
export function addedToReport(channel: ChatChannel, report: ChannelReportFields, content: MessageContent): Partial<ChannelReportFields> {
  const text = content.text?.trim() ?? '';
  const changes: { -readonly [Key in keyof ChannelReportFields]?: ChannelReportFields[Key] } = { ...placeOf(content) };
  if (text) {
    changes.description =
      report.description === NO_TEXT ? truncate(text, DESCRIPTION_LENGTH.max) : truncate(`${report.description}\n\n${text}`, DESCRIPTION_LENGTH.max);
    if (report.title === FALLBACK_TITLES[channel]) changes.title = titleFrom(text, channel);
  }
  return changes;
}

/** Where the sender's conversation stands: the report their last message went to. */
export interface ThreadFacts {
  readonly reportStatus: ReportStatus | null;
  readonly lastMessageAt: Date | null;
}

/**
 * Does a message sent at `sentAt` join the sender's last report? Only while it is still
 * `submitted`, and only within `windowMs` of the sender's previous message (either side: Meta
 * does not promise delivery in order).
 */
export function joinsLastReport(thread: ThreadFacts | null, sentAt: Date, windowMs: number): boolean {
  if (!thread || thread.reportStatus !== 'submitted' || !thread.lastMessageAt) return false;
  return Math.abs(sentAt.getTime() - thread.lastMessageAt.getTime()) <= windowMs;
}
