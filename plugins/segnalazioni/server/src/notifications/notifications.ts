import type { Core } from '@strapi/strapi';
import { isChannelTextName, renderChannelText, type ChannelTextName } from '../channels/domain/channel-texts';
import { audienceOf, type CitizenAddress, type MessageChannel } from '../channels/domain/channels';
import { parseEmailList } from './domain/emails';
import { digestData, GROUPED_TEMPLATES, isGrouped } from './domain/mail-grouping';
import { renderMail, isTemplateName, type TemplateData, type TemplateName } from './domain/mail-templates';
import { DEFAULT_LOCALE, toLocale, type Locale } from '../common/domain/messages';
import { UndeliverableError, afterFailure, type RetryPolicy } from './domain/outbox';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { GraphApiError } from '../channels/graph-api';
import { settingOf } from '../common/settings';

/**
 * A message to send once the transaction that caused it has committed: a mail (the default), or a
 * text on the citizen's WhatsApp chat or Facebook thread (recipient: the number, or the post or
 * comment to answer under).
 */
export interface NotificationDraft {
  readonly channel?: MessageChannel;
  readonly recipient: string;
  readonly template: TemplateName | ChannelTextName;
  readonly data: TemplateData;
  readonly locale?: Locale;
  readonly reportId?: number;
}

/** A message before it has a recipient. */
export interface Message {
  readonly template: TemplateName | ChannelTextName;
  readonly data: TemplateData;
}

/** An office's mail about a report: one notification per address the office lists. */
export const officeDrafts = (emails: string | null | undefined, message: Message, reportId: number): NotificationDraft[] =>
  parseEmailList(emails).map((recipient) => ({ recipient, template: message.template, data: message.data, reportId }));

/** The citizen's message about a report, on the report's own channel; none when they left no address. */
export const citizenDrafts = (address: CitizenAddress | null, message: Message, reportId: number, locale: Locale = DEFAULT_LOCALE): NotificationDraft[] =>
  address ? [{ channel: address.channel, recipient: address.recipient, template: message.template, data: message.data, locale, reportId }] : [];

export interface DispatcherConfig {
  readonly pollIntervalMs: number;
  /** How long a moderation or publication message waits for the steps done with it (mail-grouping.ts); 0: none waits. */
  readonly groupingWindowMs: number;
  readonly batchSize: number;
  readonly concurrency: number;
  /** How long a claimed notification stays ours before another instance may take it over. */
  readonly claimTimeoutMs: number;
  readonly retry: RetryPolicy;
}

interface NotificationRow {
  id: number;
  documentId: string;
  channel: MessageChannel;
  recipient: string;
  template: string;
  locale: string | null;
  data: TemplateData | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  report?: { id: number } | null;
}

export interface DispatchResult {
  sent: number;
  retried: number;
  failed: number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** Refused for good: by us (no way to deliver it) or by Meta (see channels/domain/graph-errors). Network and SMTP troubles pass. */
const isPermanent = (error: unknown) => error instanceof UndeliverableError || (error instanceof GraphApiError && error.permanent);

/**
 * The outbox. `sendAfterCommit` writes notifications in the caller's transaction and wakes the
 * dispatcher once it commits; the dispatcher sends them through Strapi's email plugin or the
 * channel's Graph API, with the same retries. A row is claimed with a conditional update before it
 * is sent, so with several Strapi instances on one database each message goes out once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => settingOf(strapi, 'notifications');
  const overrides = () => settingOf(strapi, 'templates');
  const letterhead = () => {
    const { name, logoUrl } = settingOf(strapi, 'municipality');
    return { municipality: name, logoUrl };
  };
  const query = () => strapi.db.query(UID.notification);
  /**
   * One Message-ID per notification, the same on every attempt: when a server dies between handing a
   * mail to SMTP and recording it sent, the copy sent again is recognisably the same message.
   */
  const messageIdOf = (row: NotificationRow) => `<${row.documentId}.notification@${linksOf(strapi).host}>`;

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  /** Takes the row if nobody changed it since it was read; the claim lasts its timeout from now, not from the pass's start. */
  async function claim(row: NotificationRow): Promise<boolean> {
    const { count } = await query().updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: {
        status: 'sending',
        attempts: row.attempts + 1,
        lockedUntil: new Date(Date.now() + config().claimTimeoutMs),
      },
    });
    return count === 1;
  }

  /** What goes out for `row` and the grouped messages claimed with it: one message, a digest when there are several. */
  function messageOf(row: NotificationRow, group: readonly NotificationRow[]): { template: string; data: TemplateData } {
    const steps = group.flatMap(({ template, data }) => (isGrouped(template) ? [{ template, data: data ?? {} }] : []));
    return steps.length > 1 ? { template: 'report-updates', data: digestData(steps, toLocale(row.locale)) } : { template: row.template, data: row.data ?? {} };
  }

  /** Sends one message on its channel; throws when it did not go. */
  async function send(row: NotificationRow, group: readonly NotificationRow[]): Promise<void> {
    const locale = toLocale(row.locale);
    const { template, data } = messageOf(row, group);
    if (row.channel === 'email') {
      if (!isTemplateName(template)) throw new Error(`Unknown template "${template}"`);
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: row.recipient, messageId: messageIdOf(row), ...renderMail(template, data, locale, letterhead(), overrides()) });
      return;
    }
    if (!isChannelTextName(template)) throw new Error(`No ${row.channel} text for template "${template}"`);
    const text = renderChannelText(template, data, locale, audienceOf(row.channel));
    await getService(strapi, 'channels').send(row.channel, row.recipient, { text, reference: String(data.protocolNumber || data.reference || '') });
  }

  /** Whether `row` waits for and gathers its report's other steps: a grouped template, with a window set. */
  const groups = (row: NotificationRow): row is NotificationRow & { report: { id: number } } =>
    config().groupingWindowMs > 0 && isGrouped(row.template) && Boolean(row.report);

  /**
   * A grouped message falling due takes with it the grouped messages still waiting for the same report,
   * recipient and channel (each claimed as it is, so another instance cannot send it too), oldest first.
   */
  async function groupOf(row: NotificationRow): Promise<NotificationRow[]> {
    if (!groups(row)) return [row];
    const waiting = (await query().findMany({
      where: {
        report: { id: row.report.id },
        recipient: row.recipient,
        channel: row.channel,
        status: 'pending',
        template: { $in: [...GROUPED_TEMPLATES] },
        id: { $ne: row.id },
      },
      orderBy: { id: 'asc' },
    })) as NotificationRow[];
    const claimed: NotificationRow[] = [];
    for (const other of waiting) if (await claim(other)) claimed.push(other);
    return [row, ...claimed].sort((a, b) => a.id - b.id);
  }

  async function deliver(row: NotificationRow): Promise<keyof DispatchResult> {
    const attempts = row.attempts + 1;
    const group = await groupOf(row);
    const ids = group.map((member) => member.id);
    try {
      await send(row, group);
      await query().updateMany({ where: { id: { $in: ids } }, data: { status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null } });
      return 'sent';
    } catch (error) {
      const next = afterFailure(attempts, new Date(), config().retry, isPermanent(error));
      const data =
        next.give === 'up'
          ? { status: 'failed', lockedUntil: null, lastError: errorText(error) }
          : { status: 'pending', nextAttemptAt: next.at, lockedUntil: null, lastError: errorText(error) };
      // A group goes, is retried and gives up together.
      await query().updateMany({ where: { id: { $in: ids } }, data });
      if (next.give === 'up') {
        strapi.log.error(`[${PLUGIN_ID}] notification ${row.id} to ${row.recipient} failed for good: ${errorText(error)}`);
      }
      return next.give === 'up' ? 'failed' : 'retried';
    }
  }

  return {
    /**
     * How every change sends its messages: they are written in the caller's transaction (Strapi
     * nests `strapi.db.transaction` into the one under way), so they commit or roll back with the
     * change, and the dispatcher is woken right after the commit, not at its next poll. Outside a
     * transaction they commit on their own.
     */
    async sendAfterCommit(drafts: readonly NotificationDraft[]): Promise<void> {
      if (drafts.length === 0) return;
      await strapi.db.transaction(async ({ onCommit }) => {
        await this.enqueue(drafts);
        onCommit(() => void this.kick());
      });
    },

    /** Writes notifications and nothing else: the dispatcher finds them at its next pass. */
    async enqueue(drafts: readonly NotificationDraft[]): Promise<void> {
      const { groupingWindowMs } = config();
      for (const draft of drafts) {
        await query().create({
          data: {
            recipient: draft.recipient,
            template: draft.template,
            data: draft.data,
            locale: draft.locale ?? 'it',
            report: draft.reportId ?? null,
            channel: draft.channel ?? 'email',
            status: 'pending',
            attempts: 0,
            // A moderation or publication step waits for the others done with it.
            nextAttemptAt: new Date(Date.now() + (isGrouped(draft.template) && draft.reportId ? groupingWindowMs : 0)),
          },
        });
      }
    },

    /** Sends what is due now. Safe to run from several instances at once. */
    async dispatchDue(now = new Date()): Promise<DispatchResult> {
      const { batchSize, concurrency } = config();
      const due = (await query().findMany({
        where: {
          $or: [
            { status: 'pending', nextAttemptAt: { $lte: now } },
            { status: 'sending', lockedUntil: { $lt: now } },
          ],
        },
        orderBy: { id: 'asc' },
        limit: batchSize,
        populate: { report: { select: ['id'] } },
      })) as NotificationRow[];

      const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
      // One worker per group: the oldest grouped row of a report's recipient leads it and claims the others.
      const leading = new Set<string>();
      const queue = due.filter((row) => {
        if (!groups(row)) return true;
        const key = `${row.report.id} ${row.channel} ${row.recipient}`;
        if (leading.has(key)) return false;
        leading.add(key);
        return true;
      });
      const worker = async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          if (await claim(row)) result[await deliver(row)] += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
      return result;
    },

    /** Runs a dispatch now, or right after the one under way. Never throws: mail waits, requests don't. */
    kick(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          try {
            const result = await this.dispatchDue();
            if (result.sent + result.retried + result.failed >= config().batchSize) again = true;
          } catch (error) {
            strapi.log.warn(`[${PLUGIN_ID}] notification dispatch failed: ${errorText(error)}`);
          }
        } while (again && timer);
      })().finally(() => {
        running = null;
      });
      return running;
    },

    start(): void {
      if (timer) return;
      timer = setInterval(() => void this.kick(), config().pollIntervalMs);
      timer.unref();
      void this.kick();
    },

    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
};
