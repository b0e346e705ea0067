import { promises as fs } from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addedToReport, firstReportFields, joinsLastReport, type MessageContent } from './domain/channel-report';
import type { FacebookDelivery, FacebookPost } from './facebook/domain/facebook-inbound';
import type { WhatsAppDelivery, WhatsAppMessage } from './whatsapp/domain/whatsapp-inbound';
import { UID } from '../common/domain/uids';
import type { FacebookSettings, WhatsAppSettings } from './channels';
import { getService } from '../common/get-service';
import type { DownloadedMedia, MediaDownload, MediaSource } from './graph-api';
import { reportMovedOn, type IntakeReport } from '../intake/intake';
import type { NotificationDraft } from '../notifications/notifications';
import type { ChannelTextName } from './domain/channel-texts';
import type { CitizenTemplate } from '../notifications/domain/mail-templates';
import { rowsOf, type Row } from '../common/rows';
import { settingOf } from '../common/settings';
import { isWithin, parseBoundingBox } from '../places/domain/territory';

export interface ReceiveResult {
  stored: number;
  duplicates: number;
  ignored: number;
}

type MessageKind = 'text' | 'image' | 'location' | 'post' | 'comment' | 'unsupported';
type Outcome = 'new_report' | 'added' | 'photo_refused' | 'place_refused' | 'unsupported';

/** What fetching a WhatsApp message's media takes. */
type MediaAccess = Pick<WhatsAppSettings, 'accessToken'>;

/** A sender's thread, with what a new message needs of its report. */
const THREAD = {
  populate: { report: { select: ['id', 'documentId', 'reference', 'status', 'title', 'description', 'address', 'latitude', 'longitude'] } },
} as const;
type ThreadRow = Row<typeof UID.channelThread, typeof THREAD>;

interface Inbound {
  readonly channel: 'whatsapp' | 'facebook';
  readonly externalId: string;
  readonly sender: string;
  readonly kind: MessageKind;
  readonly sentAt: Date | null;
}

/** Another request moved the sender's conversation on between our read and our write: read again. */
class ThreadMoved extends Error {
  constructor() {
    super('The conversation was moved on by another request');
  }
}

/** Tries against concurrent messages of the same sender, each after a short random pause. */
const ATTEMPTS = 10;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 40 * attempt));

/**
 * Turns what Meta delivers into reports, through the same intake as the web form.
 *
 * Idempotency: every message id is written once (unique index on channel + id), in the same
 * transaction as the report or the addition it makes, so a redelivery finds it and does nothing.
 *
 * Grouping: the first message makes a report at once (the sender gets the receipt at once, and
 * nothing waits in memory); the next ones within the window are added to it while it is submitted.
 * The sender's conversation row (unique on channel + sender) says which report that is, and carries
 * a version: the transaction that adds a message moves it on with a conditional update, so when two
 * servers take two messages of one sender at the same moment, one of them finds the row moved (or
 * created) by the other, rolls back, and reads again — both messages end in one report. An addition
 * to a report also holds only while the report is still submitted and unchanged (the intake's guard):
 * one taken in charge meanwhile makes the message a new report.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => strapi.db.query(UID.channelMessage);
  const threads = () => strapi.db.query(UID.channelThread);

  const seen = async (channel: string, externalId: string) => (await messages().count({ where: { channel, externalId } })) > 0;

  const findThread = (channel: string, sender: string): Promise<ThreadRow | null> =>
    rowsOf(strapi, UID.channelThread).findOne({ where: { channel, sender }, ...THREAD });

  async function threadMoved(channel: string, sender: string, before: ThreadRow | null): Promise<boolean> {
    const now = await findThread(channel, sender);
    return (now === null) !== (before === null) || (now !== null && before !== null && now.version !== before.version);
  }

  async function recordMessage(inbound: Inbound, outcome: Outcome, reportId: number | null): Promise<void> {
    await messages().create({
      data: {
        channel: inbound.channel,
        externalId: inbound.externalId,
        sender: inbound.sender,
        kind: inbound.kind,
        outcome,
        report: reportId,
        sentAt: inbound.sentAt,
        receivedAt: getService(strapi, 'clock').now(),
      },
    });
  }

  /** Points the sender's conversation at `reportId`, unless another server moved it since we read it. */
  async function moveThread(inbound: Inbound, thread: ThreadRow | null, reportId: number, joined: boolean): Promise<void> {
    const sentAt = inbound.sentAt ?? getService(strapi, 'clock').now();
    if (!thread) {
      await threads().create({ data: { channel: inbound.channel, sender: inbound.sender, report: reportId, lastMessageAt: sentAt, version: 1 } });
      return;
    }
    const previous = thread.lastMessageAt ? new Date(thread.lastMessageAt) : null;
    const lastMessageAt = joined && previous && previous > sentAt ? previous : sentAt;
    const { count } = await threads().updateMany({ where: { id: thread.id, version: thread.version }, data: { lastMessageAt, version: thread.version + 1 } });
    if (count !== 1) throw new ThreadMoved();
    if (thread.report?.id !== reportId) await threads().update({ where: { id: thread.id }, data: { report: reportId } });
  }

  /** A message that makes no report and adds nothing: kept (so it is not taken twice) and answered. */
  async function recordOnly(
    inbound: Inbound,
    outcome: Outcome,
    reportId: number | null,
    answers: readonly NotificationDraft[],
  ): Promise<'stored' | 'duplicate'> {
    try {
      await strapi.db.transaction(async () => {
        await recordMessage(inbound, outcome, reportId);
        await getService(strapi, 'notifications').sendAfterCommit(answers);
      });
      return 'stored';
    } catch (error) {
      if (await seen(inbound.channel, inbound.externalId)) return 'duplicate';
      throw error;
    }
  }

  /** An answer to the sender: on their chat, or under their post. */
  const answer = (
    inbound: Inbound,
    template: Exclude<ChannelTextName, CitizenTemplate>,
    data: Record<string, string>,
    reportId: number | null,
  ): NotificationDraft => ({
    channel: inbound.channel,
    recipient: inbound.channel === 'facebook' ? inbound.externalId : inbound.sender,
    template,
    data,
    reportId: reportId ?? undefined,
  });

  /**
   * Places one WhatsApp message: a new report, or an addition to the sender's open one. A photo
   * the pipeline refuses is left out (the words and place still count) and the sender is told why.
   */
  async function place(
    inbound: Inbound,
    message: WhatsAppMessage,
    content: MessageContent,
    photo: DownloadedMedia | null,
    refusal: string | null,
  ): Promise<'stored' | 'duplicate'> {
    const intake = getService(strapi, 'intake');
    const windowMs = getService(strapi, 'channels').config().groupingWindowMs;
    const contact = { name: message.name, address: message.from };
    let files = photo ? [photo] : [];
    let refused = refusal;
    for (let attempt = 1; ; attempt++) {
      const thread = await findThread(inbound.channel, inbound.sender);
      const open = thread?.report ?? null;
      const joins =
        open !== null &&
        joinsLastReport({ reportStatus: open.status, lastMessageAt: thread?.lastMessageAt ? new Date(thread.lastMessageAt) : null }, message.sentAt, windowMs);
      const additions = joins ? addedToReport('whatsapp', open, content) : null;
      const refusalFor = (report: { id: number; reference: string } | null) =>
        refused ? [answer(inbound, 'channel-photo-refused', { photoProblem: refused, reference: report?.reference ?? '' }, report?.id ?? null)] : [];

      if (files.length === 0 && !content.text && content.latitude == null) {
        return recordOnly(inbound, 'photo_refused', joins ? open.id : null, refusalFor(joins ? open : null));
      }
      const claim = (outcome: Outcome, joined: boolean) => async (report: IntakeReport) => {
        await recordMessage(inbound, refused ? 'photo_refused' : outcome, report.id);
        await moveThread(inbound, thread, report.id, joined);
        return refusalFor(report);
      };
      try {
        if (joins && additions) {
          await intake.edit({ contact, channel: 'whatsapp', documentId: open.documentId, input: additions, files, inTransaction: claim('added', true) });
        } else {
          await intake.submit({
            contact,
            channel: 'whatsapp',
            actor: 'channel',
            input: firstReportFields('whatsapp', content),
            files,
            inTransaction: claim('new_report', false),
          });
        }
        return 'stored';
      } catch (error) {
        if (await seen(inbound.channel, inbound.externalId)) return 'duplicate';
        if (error instanceof errors.ValidationError && files.length > 0) {
          files = [];
          refused = error.message;
          continue;
        }
        // The report moved on meanwhile (an officer took it in charge): the message then makes a new report.
        if (attempt < ATTEMPTS && (error instanceof ThreadMoved || reportMovedOn(error) || (await threadMoved(inbound.channel, inbound.sender, thread)))) {
          await pause(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  async function whatsappMessage(message: WhatsAppMessage, settings: MediaAccess): Promise<'stored' | 'duplicate'> {
    if (await seen('whatsapp', message.id)) return 'duplicate';
    const inbound: Inbound = { channel: 'whatsapp', externalId: message.id, sender: message.from, kind: message.kind, sentAt: message.sentAt };
    switch (message.kind) {
      case 'unsupported':
        return recordOnly(inbound, 'unsupported', null, [answer(inbound, 'channel-unsupported', { messageType: message.type }, null)]);
      case 'text':
        return place(inbound, message, { text: message.text }, null, null);
      case 'location': {
        // The same territory as the portal's pins: a point outside it is not the municipality's to fix.
        const territory = parseBoundingBox(settingOf(strapi, 'territory'));
        if (territory && !isWithin(territory, message.latitude, message.longitude)) {
          return recordOnly(inbound, 'place_refused', null, [answer(inbound, 'channel-place-refused', {}, null)]);
        }
        return place(inbound, message, { latitude: message.latitude, longitude: message.longitude, address: message.address }, null, null);
      }
      case 'image':
        return withPhoto({ channel: 'whatsapp', mediaId: message.mediaId }, settings.accessToken, (media) =>
          place(inbound, message, { text: message.caption }, media.ok ? media.file : null, media.ok ? null : media.reason),
        );
    }
  }

  /** Fetches a message's photo for the photo pipeline, and removes the temp file once `work` is done with it. */
  async function withPhoto<T>(source: MediaSource, token: string, work: (media: MediaDownload) => Promise<T>): Promise<T> {
    const { maxBytes } = settingOf(strapi, 'photos');
    const media = await getService(strapi, 'graph-api').downloadMedia(source, token, maxBytes);
    try {
      return await work(media);
    } finally {
      if (media.ok) await fs.rm(media.file.filepath, { force: true });
    }
  }

  /** A post or comment with the hashtag is a report; a photo post's photo goes through the photo pipeline, as WhatsApp's. */
  async function facebookPost(post: FacebookPost, settings: FacebookSettings): Promise<'stored' | 'duplicate'> {
    if (await seen('facebook', post.id)) return 'duplicate';
    const inbound: Inbound = { channel: 'facebook', externalId: post.id, sender: post.authorId, kind: post.kind, sentAt: null };
    const submit = async (files: readonly DownloadedMedia[], refused: string | null): Promise<'stored' | 'duplicate'> => {
      try {
        await getService(strapi, 'intake').submit({
          contact: { name: post.authorName, address: post.authorId, channelRef: post.id },
          channel: 'facebook',
          actor: 'channel',
          input: firstReportFields('facebook', { text: post.text }),
          files,
          inTransaction: async (report) => {
            await recordMessage(inbound, refused ? 'photo_refused' : 'new_report', report.id);
            return refused ? [answer(inbound, 'channel-photo-refused', { photoProblem: refused, reference: report.reference }, report.id)] : [];
          },
        });
        return 'stored';
      } catch (error) {
        if (await seen('facebook', post.id)) return 'duplicate';
        // The photo pipeline refused the photo: the words still make the report, and the author is told why.
        if (error instanceof errors.ValidationError && files.length > 0) return submit([], error.message);
        throw error;
      }
    };
    if (!post.photoId) return submit([], null);
    return withPhoto({ channel: 'facebook', photoId: post.photoId }, settings.pageToken, (media) =>
      media.ok ? submit([media.file], null) : submit([], media.reason),
    );
  }

  const tally = (outcomes: readonly ('stored' | 'duplicate')[], ignored: number): ReceiveResult => ({
    stored: outcomes.filter((outcome) => outcome === 'stored').length,
    duplicates: outcomes.filter((outcome) => outcome === 'duplicate').length,
    ignored,
  });

  return {
    /** One delivery's messages, in order; throws when one could not be placed (Meta then delivers again). */
    async whatsapp(delivery: WhatsAppDelivery, settings: MediaAccess): Promise<ReceiveResult> {
      const outcomes: ('stored' | 'duplicate')[] = [];
      for (const message of delivery.messages) outcomes.push(await whatsappMessage(message, settings));
      return tally(outcomes, delivery.ignored);
    },

    async facebook(delivery: FacebookDelivery, settings: FacebookSettings): Promise<ReceiveResult> {
      const outcomes: ('stored' | 'duplicate')[] = [];
      for (const post of delivery.posts) outcomes.push(await facebookPost(post, settings));
      return tally(outcomes, delivery.ignored);
    },
  };
};
