import { createHash, randomBytes } from 'crypto';
import { createReadStream } from 'fs';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { changeStampAfter } from '../workflow/domain/change-stamp';
import { citizenAddress, type Channel, type CitizenAddress } from '../channels/domain/channels';
import { KEY_REUSED, submissionFingerprint, submissionKey } from './domain/idempotency-key';
import { decide, type Actor } from '../workflow/domain/lifecycle';
import { MAIL_WORDS, type TemplateData } from '../notifications/domain/mail-templates';
import { describeRefusal, preferredLocale, type Locale } from '../common/domain/messages';
import { formatReference } from './domain/reference';
import type { QuestionAnswer } from './domain/category-questions';
import { changedFields, type EditInput, type SubmissionInput } from './domain/report-input';
import { reportMailData, type MailReport } from '../notifications/domain/report-mail';
import { conflict, forbidden, unprocessable } from '../common/errors';
import { PLUGIN_ID, UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { runIntakeEffects, type IntakeOutcome, type RelayedComment } from './intake-effects';
import { linksOf } from '../common/links';
import { citizenDrafts, officeDrafts, type NotificationDraft } from '../notifications/notifications';
import type { IncomingFile, PreparedPhoto, StoredFile } from '../photos/photos';
import { rowsOf, type Row } from '../common/rows';
import { columnOf, metaOf } from '../common/table-meta';

export interface Citizen {
  readonly id: number;
  readonly documentId: string;
  readonly email: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  /** The language of their mails (the account's `language`). */
  readonly language?: string | null;
}

/** Someone without an account: a chat sender, or a citizen at the URP desk. */
export interface Contact {
  readonly name?: string | null;
  /** WhatsApp number, Facebook user id, or the phone given at the desk. */
  readonly address?: string | null;
  readonly email?: string | null;
  /** The Facebook post or comment the report came from. */
  readonly channelRef?: string | null;
}

/** Who sends: a registered citizen, or a contact. */
type Sender = { readonly citizen: Citizen; readonly contact?: undefined } | { readonly contact: Contact; readonly citizen?: undefined };

/** A submission's fields; with no category the report goes to the triage office (URP), which assigns one. */
export type IntakeInput = Omit<SubmissionInput, 'category'> & { readonly category?: string | null };

interface Extras {
  /** Who did it, for the history, when not the sender: the desk officer. */
  readonly actorRef?: { readonly id: string; readonly label?: string };
  /** More writes that must commit with the report or not at all; may return messages to send with it. */
  readonly inTransaction?: (report: IntakeReport) => Promise<readonly NotificationDraft[] | void>;
  /** What a channel adds for the office only: answers to the category's own questions, a link to the sender's photo (Open311). */
  readonly extras?: { readonly answers?: readonly QuestionAnswer[] | null; readonly mediaUrl?: string | null };
}

type OfficeRecord = Row<typeof UID.office>;

/** A category, with its office where it was read with it. */
type CategoryWithOffice = Row<typeof UID.category> & { readonly office?: OfficeRecord | null };

/** What an edit reads of a report's relations. */
const EDIT_POPULATE = { category: true, office: true, photos: { populate: { file: true } } } as const;

/** A report as intake reads it: its columns, and its relations where it loads them (an edit). */
export type IntakeReport = Row<typeof UID.report> & Partial<Row<typeof UID.report, { select: []; populate: typeof EDIT_POPULATE }>>;

const MAIL_PHOTO_LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** Marks a 409 meaning "the report is no longer as you read it": a chat message is then placed again. */
const MOVED_ON = 'report_moved_on';

export const reportMovedOn = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'details' in error && (error.details as { code?: unknown } | undefined)?.code === MOVED_ON;

const NO_LONGER_EDITABLE =
  "La segnalazione è già stata presa in carico e non si può più modificare. Per aggiunte scrivi all'ufficio citando il numero di protocollo.";

const senderId = (sender: Sender, channel: Channel) =>
  sender.citizen ? `user:${sender.citizen.id}` : `${channel}:${sender.contact.address ?? sender.contact.email ?? '-'}`.slice(0, 64);

/** Where the sender hears about the report: their account's mail, their chat or post, the address they gave. */
const addressOf = ({ citizen, contact }: Sender, channel: Channel) =>
  citizenAddress({ channel, reporterEmail: citizen?.email, contact: contact?.address, contactEmail: contact?.email, channelRef: contact?.channelRef });

/**
 * Intake: the one way a report comes in (web, WhatsApp, Facebook, the URP desk) and the
 * reporter's later additions while it is still submitted: the intake rows of the lifecycle table.
 * Each is one transaction: the report, its photos, its history entry and its notifications commit
 * together or not at all. What is allowed is asked of the domain (`decide`); what the action does
 * besides writing the report is its row's effects, carried out by their handlers (`intake-effects.ts`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function triageOffice(): Promise<OfficeRecord | null> {
    return rowsOf(strapi, UID.office).findOne({ where: { triage: true } });
  }

  /** A line per photo, "Foto 2: <signed link>", which the mail shows as a button. */
  function photoLinks(files: readonly StoredFile[], locale: Locale): string {
    const photos = getService(strapi, 'photos');
    const links = linksOf(strapi);
    return files
      .map((file, index) => `${MAIL_WORDS[locale].photo} ${index + 1}: ${links.absolute(photos.signedUrl(file.url, file.hash, MAIL_PHOTO_LINK_LIFETIME_MS))}`)
      .join('\n');
  }

  /** The report's mail data in the reader's language, with the photos this action added (signed links) and the links of the intake's mails. */
  function mailData(report: MailReport & { documentId: string }, files: readonly StoredFile[], locale: Locale): TemplateData {
    const links = linksOf(strapi);
    return {
      ...reportMailData(report, locale),
      photoCount: files.length,
      photoLinks: photoLinks(files, locale),
      adminUrl: links.panelReport(report.documentId),
      // Only a registered citizen has a page of their own reports.
      myReportUrl: report.reporter ? links.myReport(report.documentId) : '',
    };
  }

  /** The mails of a row's effects, each with the report's mail data: the office's in Italian, the citizen's in their language. */
  function draftsOf(
    outcome: IntakeOutcome,
    report: MailReport & { id: number; documentId: string },
    files: readonly StoredFile[],
    office: OfficeRecord | null,
    citizen: CitizenAddress | null,
    locale: Locale,
  ) {
    const { officeMail, citizenMail } = outcome;
    return [
      ...(officeMail ? officeDrafts(office?.emails, { ...officeMail, data: { ...mailData(report, files, 'it'), ...officeMail.data } }, report.id) : []),
      ...(citizenMail
        ? citizenDrafts(
            citizen,
            // Only the citizen's messages carry their personal link to the report.
            { ...citizenMail, data: { ...mailData(report, files, locale), followUrl: getService(strapi, 'follow-links').linkTo(report), ...citizenMail.data } },
            report.id,
            locale,
          )
        : []),
    ];
  }

  async function createPhotos(reportDocumentId: string, files: readonly StoredFile[], firstPosition: number) {
    for (const [index, file] of files.entries()) {
      await strapi.documents(UID.photo).create({
        data: { report: reportDocumentId, file: file.id, fileHash: file.hash, moderation: 'pending', position: firstPosition + index },
      });
    }
  }

  /**
   * The workflow's optimistic guard: writes `columns` only if the report is still submitted and
   * unchanged since it was read (an officer taking it in charge, or another edit, changes
   * `updatedAt`); otherwise the transaction fails with a 409 and leaves nothing.
   */
  async function stillAsRead(report: IntakeReport, columns: Record<string, unknown>): Promise<void> {
    const { count } = await strapi.db
      .query(UID.report)
      .updateMany({ where: { id: report.id, status: 'submitted', updatedAt: report.updatedAt }, data: columns });
    if (count === 1) return;
    const now = await rowsOf(strapi, UID.report).findOne({ where: { id: report.id }, select: ['status'] });
    throw conflict(now?.status === 'submitted' ? 'La segnalazione è stata modificata nel frattempo: ricarica la pagina e riprova.' : NO_LONGER_EDITABLE, {
      code: MOVED_ON,
      status: now?.status ?? null,
    });
  }

  /** Stores photos outside the transaction (image resizing must not hold it) and undoes them if it fails. */
  async function withStoredPhotos<T>(prepared: readonly PreparedPhoto[], work: (files: StoredFile[]) => Promise<T>): Promise<T> {
    const photos = getService(strapi, 'photos');
    let stored: StoredFile[] = [];
    try {
      stored = await photos.store(prepared);
      return await work(stored);
    } catch (error) {
      await photos.removeFiles(stored).catch((cleanup: Error) => strapi.log.error(`[${PLUGIN_ID}] could not remove photos: ${cleanup.message}`));
      throw error;
    } finally {
      await photos.discard(prepared);
    }
  }

  async function submittedWithKey(key: string): Promise<IntakeReport | null> {
    return rowsOf(strapi, UID.report).findOne({ where: { submissionKey: key } });
  }

  /** The photo's bytes as sent, by digest: a retry sends the same ones. */
  function digestOf(file: IncomingFile): Promise<string> {
    return new Promise((resolve, reject) => {
      const hash = createHash('sha256');
      createReadStream(file.filepath)
        .on('data', (chunk) => hash.update(chunk))
        .on('error', reject)
        .on('end', () => resolve(hash.digest('hex')));
    });
  }

  /** The report a key already names, if it is this submission's; the key sent with another submission is a 422. */
  function sameSubmission(earlier: IntakeReport, fingerprint: string): IntakeReport {
    // Reports made before fingerprints were kept have none: their retries answer them as before.
    if (earlier.submissionFingerprint !== null && earlier.submissionFingerprint !== fingerprint) throw unprocessable(KEY_REUSED, { header: 'Idempotency-Key' });
    return earlier;
  }

  return {
    /**
     * A citizen's submission, named by the key of their Idempotency-Key header when they send one:
     * the first request with it creates the report, any other (a retry, or one sent at the same
     * time) answers that report and creates nothing.
     */
    async submitOnce({
      key,
      citizen,
      input,
      files,
    }: {
      key: string | null;
      citizen: Citizen;
      input: IntakeInput;
      files: readonly IncomingFile[];
    }): Promise<{ report: IntakeReport; created: boolean }> {
      if (key === null) return { report: await this.submit({ citizen, input, files }), created: true };
      const submission = { key: submissionKey(citizen.id, key), fingerprint: submissionFingerprint(input, await Promise.all(files.map(digestOf))) };
      const earlier = await submittedWithKey(submission.key);
      if (earlier) return { report: sameSubmission(earlier, submission.fingerprint), created: false };
      try {
        return { report: await this.submit({ citizen, input, files, submission }), created: true };
      } catch (error) {
        // At the same time: the unique index lets one commit; the others' transactions and photos
        // are undone, and they answer its report.
        const winner = await submittedWithKey(submission.key);
        if (winner) return { report: sameSubmission(winner, submission.fingerprint), created: false };
        throw error;
      }
    },

    async submit({
      input,
      files,
      channel = 'web',
      actor = 'citizen',
      actorRef,
      inTransaction,
      submission,
      extras,
      ...from
    }: Sender &
      Extras & {
        input: IntakeInput;
        files: readonly IncomingFile[];
        channel?: Channel;
        actor?: Actor;
        /** The citizen's key for this submission (intake/domain/idempotency-key.ts), unique among reports, and what the submission was. */
        submission?: { readonly key: string; readonly fingerprint: string };
      }): Promise<IntakeReport> {
      const sender = from as Sender;
      const decision = decide('submit', { status: null }, actor);
      if (!decision.allowed) throw forbidden(describeRefusal(decision));

      let category: CategoryWithOffice | null = null;
      if (input.category) {
        category = await getService(strapi, 'categories').findActive(input.category);
        if (!category) throw new errors.ValidationError(`Categoria: "${input.category}" non esiste o non è attiva.`, { path: 'category' });
      }
      const office = category?.office ?? (await triageOffice());
      const contact = sender.contact;
      const address = addressOf(sender, channel);
      const prepared = await getService(strapi, 'photos').prepare(files);

      return withStoredPhotos(prepared, (stored) =>
        strapi.db.transaction(async () => {
          const submittedAt = getService(strapi, 'clock').now();
          // The row's effects, in its order; what they add up to is written with the report.
          const locale = preferredLocale(sender.citizen);
          const outcome = await runIntakeEffects(decision.transition.effects, {
            strapi,
            citizenLocale: locale,
            step: { action: 'submit', input },
            now: submittedAt,
            category,
            office,
          });
          const report = (await strapi.documents(UID.report).create({
            // Empty columns are left out: the Document Service takes no null for them.
            data: {
              reference: formatReference(randomBytes(8)),
              title: input.title,
              description: input.description,
              address: input.address || undefined,
              latitude: input.latitude ?? undefined,
              longitude: input.longitude ?? undefined,
              category: category?.documentId ?? null,
              office: office?.documentId ?? null,
              reporter: sender.citizen?.documentId ?? null,
              contact: contact?.address ?? undefined,
              contactName: contact?.name ?? undefined,
              contactEmail: contact?.email ?? undefined,
              channelRef: contact?.channelRef ?? undefined,
              channel,
              status: decision.to,
              textModeration: 'pending',
              isPublic: false,
              submittedAt: submittedAt.toISOString(),
              submissionKey: submission?.key,
              submissionFingerprint: submission?.fingerprint,
              answers: extras?.answers ? [...extras.answers] : undefined,
              mediaUrl: extras?.mediaUrl ?? undefined,
              ...outcome.changes,
            },
          })) as unknown as IntakeReport;
          await createPhotos(report.documentId, stored, 0);
          await getService(strapi, 'statistics-cells').refresh([report.id]);
          await getService(strapi, 'history').record({
            report: report.documentId,
            action: 'submit',
            actorType: actor,
            actorId: actorRef?.id ?? senderId(sender, channel),
            actorLabel: actorRef?.label,
            fromStatus: null,
            toStatus: decision.to,
            details: { channel, photos: stored.length, ...(outcome.citizenMail ? { citizenNotice: address?.channel ?? 'none' } : {}) },
          });
          const mailReport = { ...report, category, office, reporter: sender.citizen ?? null };
          const more = (await inTransaction?.(report)) ?? [];
          await getService(strapi, 'notifications').sendAfterCommit([...draftsOf(outcome, mailReport, stored, office, address, locale), ...more]);
          return report;
        }),
      );
    },

    /** The reporter changes or adds to a report still submitted: a citizen from the portal, a sender by a later message. */
    async edit({
      documentId,
      input,
      files,
      channel = 'web',
      inTransaction,
      ...from
    }: Sender &
      Pick<Extras, 'inTransaction'> & {
        documentId: string;
        input: EditInput;
        files: readonly IncomingFile[];
        /** The contact's channel (a citizen's reports are found by their account). */
        channel?: Channel;
      }): Promise<IntakeReport> {
      const sender = from as Sender;
      const report = await rowsOf(strapi, UID.report).findOne({
        where: sender.citizen ? { documentId, reporter: { id: sender.citizen.id } } : { documentId, channel, contact: sender.contact.address ?? '' },
        populate: EDIT_POPULATE,
      });
      if (!report) throw new errors.NotFoundError('Segnalazione non trovata.');

      const decision = decide('edit', { status: report.status }, 'reporter');
      if (!decision.allowed) {
        throw conflict(report.status === 'submitted' ? describeRefusal(decision) : NO_LONGER_EDITABLE, { code: MOVED_ON, status: report.status });
      }

      const category: CategoryWithOffice | null = input.category
        ? await getService(strapi, 'categories').findActive(input.category)
        : (report.category ?? null);
      if (input.category && !category) throw new errors.ValidationError(`Categoria: "${input.category}" non esiste o non è attiva.`, { path: 'category' });

      const photosNow = report.photos ?? [];
      const removing = new Set(input.removePhotos ?? []);
      const unknown = [...removing].filter((id) => !photosNow.some((photo) => photo.documentId === id));
      if (unknown.length > 0) throw new errors.ValidationError(`removePhotos: foto sconosciute: ${unknown.join(', ')}.`, { path: 'removePhotos' });
      const kept = photosNow.filter((photo) => !removing.has(photo.documentId));
      const prepared = await getService(strapi, 'photos').prepare(files, kept.length);

      const changes = changedFields(
        { ...report, category: report.category?.slug ?? null },
        { ...input, category: input.category === undefined ? undefined : category?.slug },
      );
      if (changes.length === 0 && removing.size === 0 && prepared.length === 0) {
        await getService(strapi, 'photos').discard(prepared);
        if (inTransaction) {
          await strapi.db.transaction(async () => {
            // Nothing changes, so no edit happens; but what comes with it (a chat message joining the report) holds only while the report is as read.
            await stillAsRead(report, { updatedAt: report.updatedAt });
            await getService(strapi, 'notifications').sendAfterCommit((await inTransaction(report)) ?? []);
          });
        }
        return report;
      }
      const office =
        input.category && category && category.documentId !== report.category?.documentId
          ? (category.office ?? (await triageOffice()))
          : (report.office ?? null);

      return withStoredPhotos(prepared, (stored) =>
        strapi.db.transaction(async ({ onCommit }) => {
          const now = getService(strapi, 'clock').now();
          const removed = photosNow.filter((photo) => removing.has(photo.documentId));
          // The row's effects, in its order; what they add up to is written with the change.
          const locale = preferredLocale(sender.citizen);
          const outcome = await runIntakeEffects(decision.transition.effects, {
            strapi,
            citizenLocale: locale,
            step: { action: 'edit', input, changes, photosRemoved: removed.length, photosAdded: stored.length },
            now,
            category,
            office,
          });
          const columns: Record<string, unknown> = { ...outcome.changes, updatedAt: changeStampAfter(report.updatedAt, now) };
          const relations: Record<string, unknown> = {};
          for (const change of changes) {
            if (change.field === 'category') relations.category = category?.id;
            else columns[change.field] = change.to;
          }
          if (office && office.documentId !== report.office?.documentId) relations.office = office.id;
          // First write of the transaction: from here on nobody else changes the report until it commits.
          await stillAsRead(report, columns);
          if (Object.keys(relations).length > 0) await strapi.db.query(UID.report).update({ where: { id: report.id }, data: relations });
          const updated = (await strapi.db.query(UID.report).findOne({ where: { id: report.id } })) as IntakeReport;
          await getService(strapi, 'statistics-cells').refresh([report.id]);

          for (const photo of removed) await strapi.documents(UID.photo).delete({ documentId: photo.documentId });
          const nextPosition = Math.max(-1, ...photosNow.map((photo) => photo.position ?? 0)) + 1;
          await createPhotos(documentId, stored, nextPosition);

          await getService(strapi, 'history').record({
            report: documentId,
            action: 'edit',
            actorType: 'reporter',
            actorId: senderId(sender, channel),
            fromStatus: report.status,
            toStatus: decision.to,
            details: {
              changes: changes.map(({ field, from, to }) => ({ field, from, to })),
              photosRemoved: removed.map((photo) => photo.documentId),
              photosAdded: stored.length,
            },
          });
          const mailReport = { ...report, ...updated, category, office, reporter: sender.citizen ?? null };
          const more = (await inTransaction?.(updated)) ?? [];
          await getService(strapi, 'notifications').sendAfterCommit([
            ...draftsOf(outcome, mailReport, stored, office, addressOf(sender, channel), locale),
            ...more,
          ]);
          onCommit(() => void getService(strapi, 'photos').removeFiles(removed.flatMap((photo) => (photo.file ? [photo.file] : []))));
          return updated;
        }),
      );
    },

    /**
     * A comment another civic system relays about a report (Open311's servicerequestupdates): a
     * note for the office in the report's history, and the office's mail; nothing public, no
     * change to the report. A client retrying with the same update id gets the note it made.
     */
    async comment({
      documentId,
      comment,
      clientId,
      clientUpdateId,
    }: {
      documentId: string;
      comment: RelayedComment;
      /** The client's id for the history (its API token). */
      clientId: string;
      /** The client's own id of the comment, when it sends one. */
      clientUpdateId: string | null;
    }): Promise<{ noteId: string; created: boolean }> {
      return strapi.db.transaction(async ({ trx }) => {
        // The report as it is under its lock: one client's retries queue behind each other here, and
        // an officer's rejection meanwhile is seen (SQLite runs one transaction at a time).
        if (strapi.db.dialect.client === 'postgres') {
          const reports = metaOf(strapi, UID.report);
          await trx(reports.tableName).where(columnOf(reports, 'documentId'), documentId).forUpdate().first('id');
        }
        const report = await rowsOf(strapi, UID.report).findOne({ where: { documentId }, populate: { category: true, office: true } });
        if (!report) throw new errors.NotFoundError('Segnalazione non trovata.');
        // A retry is answered the note it made, whatever happened to the report since.
        if (clientUpdateId !== null) {
          const earlier = await rowsOf(strapi, UID.historyEntry).findMany({
            where: { report: { id: report.id }, action: 'comment', actorId: clientId },
            select: ['documentId', 'details'],
          });
          const same = earlier.find(({ details }) => (details as { clientUpdateId?: unknown } | null)?.clientUpdateId === clientUpdateId);
          if (same) return { noteId: same.documentId, created: false };
        }
        const decision = decide('comment', { status: report.status }, 'channel');
        if (!decision.allowed) throw conflict(describeRefusal(decision), { status: report.status });
        const outcome = await runIntakeEffects(decision.transition.effects, {
          strapi,
          citizenLocale: 'it',
          step: { action: 'comment', comment },
          now: getService(strapi, 'clock').now(),
          category: report.category ?? null,
          office: report.office ?? null,
        });
        const noteId = await getService(strapi, 'history').record({
          report: documentId,
          action: 'comment',
          actorType: 'channel',
          actorId: clientId,
          actorLabel: comment.client,
          fromStatus: report.status,
          toStatus: report.status,
          details: { note: comment.text, client: comment.client, clientUpdateId, statusHint: comment.statusHint },
        });
        const mailReport = { ...report, reporter: null };
        await getService(strapi, 'notifications').sendAfterCommit(draftsOf(outcome, mailReport, [], report.office ?? null, null, 'it'));
        return { noteId, created: true };
      });
    },
  };
};
