import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canSeeReport, type StaffScope } from '../domain/access';
import { changeStampAfter } from '../domain/change-stamp';
import { citizenAddress, type Channel } from '../domain/channels';
import { parseEmailList } from '../domain/emails';
import { decide, type Action, type ReportStatus } from '../domain/lifecycle';
import { formatDateTime, type TemplateData, type TemplateName } from '../domain/mail-templates';
import { describeRefusal } from '../domain/messages';
import { protocolYear } from '../domain/protocol-number';
import { DEFAULT_POSITION_CHOICE, NO_PUBLIC_PLACE, publicPlaceOf } from '../domain/public-place';
import type { ActionInput } from '../domain/workflow-input';
import { conflict, forbidden } from '../errors';
import { UID } from '../uids';
import { getService } from './get-service';
import type { NotificationDraft } from './notifications';
import type { CategoryLevels, OfficeCalendar } from './service-levels';

export interface StaffMember {
  readonly id: number;
  readonly firstname?: string | null;
  readonly lastname?: string | null;
  readonly email: string;
}

interface OfficeRow extends OfficeCalendar {
  id: number;
  documentId: string;
  name: string;
  emails?: string | null;
}

interface PhotoRow {
  id: number;
  documentId: string;
  position: number;
  moderation: string;
}

export interface WorkflowReport {
  id: number;
  documentId: string;
  reference: string;
  title: string;
  description: string;
  publicText?: string | null;
  textModeration: 'pending' | 'approved' | 'rejected';
  status: ReportStatus;
  isPublic: boolean;
  protocolNumber?: string | null;
  address?: string | null;
  latitude?: number | string | null;
  longitude?: number | string | null;
  firstAnsweredAt?: string | null;
  dueFirstAnswerAt?: string | null;
  dueCloseAt?: string | null;
  updatedAt: string;
  channel: Channel;
  contact?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  channelRef?: string | null;
  category?: ({ id: number; name: string } & CategoryLevels) | null;
  office?: OfficeRow | null;
  reporter?: { email: string; firstName?: string | null; lastName?: string | null } | null;
  photos?: PhotoRow[];
}

type Changes = Record<string, unknown>;

interface Outcome {
  readonly changes: Changes;
  /** Relations to set; the conditional update that guards the change only carries columns. */
  readonly relations?: Changes;
  readonly details: Record<string, unknown>;
  readonly citizenMail?: { template: TemplateName; data: TemplateData };
  readonly officeMail?: { office: OfficeRow; template: TemplateName; data: TemplateData };
}

const REPLY_KIND_LABELS: Record<string, string> = {
  feasibility: 'fattibilità',
  progress: 'aggiornamento',
  final: 'risposta finale',
  rejection: 'motivo del rifiuto',
};

/** Actions that change what the archive's indexes hold of a report: its public words, its category. */
const SEARCH_AFFECTING = new Set<Action>(['moderate_text', 'publish', 'unpublish', 'reassign', 'reject']);

/** How a member of staff is named in history and mails. */
export const staffName = (member: StaffMember) => [member.firstname, member.lastname].filter(Boolean).join(' ') || member.email;

/**
 * The officers' workflow: every action of the lifecycle table, each one transaction made of the
 * change, its history entry and its mails. What is allowed is asked of the domain (`decide`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const publicUrl = () => (strapi.config.get('plugin::segnalazioni.publicUrl') as string).replace(/\/$/, '');

  async function load(documentId: string): Promise<WorkflowReport> {
    const report = (await strapi.db.query(UID.report).findOne({
      where: { documentId },
      populate: {
        category: { select: ['id', 'name', 'takeInChargeDays', 'firstAnswerDays', 'closeDays'] },
        office: { select: ['id', 'documentId', 'name', 'emails', 'openingHours'] },
        reporter: { select: ['email', 'firstName', 'lastName'] },
        photos: { select: ['id', 'documentId', 'position', 'moderation'] },
      },
    })) as WorkflowReport | null;
    if (!report) throw new errors.NotFoundError('Segnalazione non trovata.');
    return report;
  }

  function baseData(report: WorkflowReport): TemplateData {
    return {
      reference: report.reference,
      protocolNumber: report.protocolNumber ?? '',
      title: report.title,
      description: report.description,
      category: report.category?.name ?? '',
      office: report.office?.name ?? '',
      address: report.address ?? '',
      firstName: report.reporter ? (report.reporter.firstName ?? '') : (report.contactName ?? ''),
      lastName: report.reporter?.lastName ?? '',
      // Only a registered citizen has a page of their own reports.
      myReportUrl: report.reporter ? `${publicUrl()}/sportello/le-mie-segnalazioni/${report.documentId}` : '',
      publicReportUrl: `${publicUrl()}/sportello/segnalazioni/${report.documentId}`,
      adminUrl: `${publicUrl()}/admin/plugins/segnalazioni/reports/${report.documentId}`,
      dueFirstAnswerAt: formatDateTime(report.dueFirstAnswerAt, 'it'),
      dueCloseAt: formatDateTime(report.dueCloseAt, 'it'),
    };
  }

  async function activeCategory(ref: string): Promise<{ id: number; name: string; office?: OfficeRow | null }> {
    const category = (await getService(strapi, 'categories').findActive(ref)) as { id: number; name: string; office?: OfficeRow | null } | null;
    if (!category) throw new errors.ValidationError(`Categoria: "${ref}" non esiste o non è attiva.`, { path: 'category' });
    return category;
  }

  async function officeByDocumentId(documentId: string): Promise<OfficeRow> {
    const office = (await strapi.db.query(UID.office).findOne({ where: { documentId } })) as OfficeRow | null;
    if (!office) throw new errors.ValidationError(`Ufficio: "${documentId}" non esiste.`, { path: 'office' });
    return office;
  }

  async function triageOffice(): Promise<OfficeRow | null> {
    return (await strapi.db.query(UID.office).findOne({ where: { triage: true } })) as OfficeRow | null;
  }

  async function addReply(report: WorkflowReport, staff: StaffMember, kind: string, body: string, isPublic: boolean) {
    await strapi.db.query(UID.reply).create({
      data: { report: report.id, kind, body, isPublic, author: staff.id },
    });
  }

  /** The change each action makes, besides status and history. Runs inside the transaction. */
  async function apply(action: Action, report: WorkflowReport, staff: StaffMember, input: Record<string, unknown>, now: Date): Promise<Outcome> {
    const data = baseData(report);
    const nowIso = now.toISOString();
    const firstAnswer = report.firstAnsweredAt ? {} : { firstAnsweredAt: nowIso };
    switch (action) {
      case 'take_in_charge': {
        const protocolNumber = await getService(strapi, 'protocol').next(now);
        const due = getService(strapi, 'service-levels').dueDates('take_in_charge', now, report.category, report.office);
        return {
          changes: { protocolNumber, takenInChargeAt: nowIso, dueFirstAnswerAt: due.dueFirstAnswerAt, dueCloseAt: due.dueCloseAt },
          details: { protocolNumber },
          citizenMail: {
            template: 'report-taken-in-charge',
            data: { ...data, protocolNumber, takenInChargeAt: formatDateTime(now, 'it'), dueFirstAnswerAt: formatDateTime(due.dueFirstAnswerAt, 'it') },
          },
        };
      }
      case 'reassign': {
        const { office: officeId, category: categoryRef, note } = input as ActionInput<'reassign'>;
        const category = categoryRef ? await activeCategory(categoryRef) : null;
        const office = officeId ? await officeByDocumentId(officeId) : (category?.office ?? (await triageOffice()));
        const newCategory = category !== null && category.id !== report.category?.id;
        const newOffice = office !== null && office.id !== report.office?.id;
        if (!newCategory && !newOffice) {
          throw new errors.ValidationError(
            category ? 'Categoria: la segnalazione è già in questa categoria e in questo ufficio.' : 'Ufficio: la segnalazione è già di questo ufficio.',
            { path: category ? 'category' : 'office' },
          );
        }
        const categoryName = category?.name ?? report.category?.name ?? '';
        return {
          changes: {},
          relations: { ...(newCategory ? { category: category.id } : {}), ...(newOffice ? { office: office.id } : {}) },
          details: {
            fromOffice: report.office?.name ?? null,
            toOffice: office?.name ?? report.office?.name ?? null,
            ...(newCategory ? { fromCategory: report.category?.name ?? null, toCategory: category.name } : {}),
            note: note ?? null,
          },
          officeMail: newOffice ? { office, template: 'report-assigned', data: { ...data, category: categoryName, actor: staffName(staff), note: note ?? '' } } : undefined,
        };
      }
      case 'moderate_text': {
        const { decision, publicTitle, publicText, publicAddress, position, reason } = input as ActionInput<'moderate_text'>;
        const approved = decision === 'approve';
        const text = approved ? (publicText ?? report.description) : null;
        const title = approved ? (publicTitle ?? report.title) : null;
        const place = approved ? publicPlaceOf(report, { publicAddress, position }) : NO_PUBLIC_PLACE;
        const redacted = approved && (text !== report.description || title !== report.title || place.publicAddress !== (report.address?.trim() || null));
        return {
          changes: { textModeration: approved ? 'approved' : 'rejected', publicTitle: title, publicText: text, ...place, textModerationReason: approved ? null : reason },
          details: { decision, redacted, position: approved && report.latitude != null ? (position ?? DEFAULT_POSITION_CHOICE) : null, reason: reason ?? null },
          citizenMail: { template: 'report-text-moderated', data: { ...data, decision: approved ? 'approvato' : 'rifiutato', publicText: text ?? '', reason: approved ? '' : reason } },
        };
      }
      case 'moderate_photo': {
        const { photo: photoId, decision, reason } = input as ActionInput<'moderate_photo'>;
        const photos = [...(report.photos ?? [])].sort((a, b) => a.position - b.position);
        const index = photos.findIndex((photo) => photo.documentId === photoId);
        if (index < 0) throw new errors.ValidationError(`Foto: "${photoId}" non appartiene a questa segnalazione.`, { path: 'photo' });
        const approved = decision === 'approve';
        await strapi.db.query(UID.photo).update({
          where: { id: photos[index].id },
          data: { moderation: approved ? 'approved' : 'rejected', moderationReason: approved ? null : reason },
        });
        return {
          changes: {},
          details: { photo: photoId, decision, reason: reason ?? null },
          citizenMail: { template: 'report-photo-moderated', data: { ...data, photoNumber: index + 1, decision: approved ? 'approvata' : 'rifiutata', reason: approved ? '' : reason } },
        };
      }
      case 'publish':
        return {
          changes: { isPublic: true, publishedOn: nowIso },
          details: {},
          citizenMail: { template: 'report-published', data: { ...data, publishedAt: formatDateTime(now, 'it') } },
        };
      case 'unpublish':
        return { changes: { isPublic: false, publishedOn: null }, details: {}, citizenMail: { template: 'report-unpublished', data } };
      case 'reply': {
        const { kind, body, public: isPublic } = input as ActionInput<'reply'>;
        await addReply(report, staff, kind, body, isPublic);
        return {
          changes: firstAnswer,
          details: { kind, public: isPublic },
          citizenMail: { template: 'report-reply', data: { ...data, reply: body, replyKind: REPLY_KIND_LABELS[kind], replyVisibility: isPublic ? 'public' : 'private' } },
        };
      }
      case 'close': {
        const { body, public: isPublic } = input as ActionInput<'close'>;
        await addReply(report, staff, 'final', body, isPublic);
        return {
          changes: { closedAt: nowIso, ...firstAnswer },
          details: { public: isPublic },
          citizenMail: { template: 'report-closed', data: { ...data, reply: body, replyVisibility: isPublic ? 'public' : 'private', closedAt: formatDateTime(now, 'it') } },
        };
      }
      case 'reject': {
        const { body } = input as ActionInput<'reject'>;
        await addReply(report, staff, 'rejection', body, false);
        return {
          changes: { closedAt: nowIso, ...firstAnswer, isPublic: false, publishedOn: null },
          details: { public: false, unpublished: report.isPublic },
          citizenMail: { template: 'report-rejected', data: { ...data, reply: body, replyVisibility: 'private' } },
        };
      }
      case 'reopen': {
        const { reason } = input as ActionInput<'reopen'>;
        const due = getService(strapi, 'service-levels').dueDates('reopen', now, report.category, report.office);
        return { changes: { closedAt: null, dueCloseAt: due.dueCloseAt }, details: { reason }, citizenMail: { template: 'report-reopened', data: { ...data, reason } } };
      }
      default:
        throw new errors.ValidationError(`L'azione "${action}" non si esegue dal pannello.`);
    }
  }

  return {
    /**
     * Runs `action` on a report for a member of staff. 404: no such report; 403: not theirs;
     * 409: the lifecycle does not allow it now (or someone changed the report meanwhile).
     */
    async perform({ staff, scope, documentId, action, input }: {
      staff: StaffMember;
      scope: StaffScope;
      documentId: string;
      action: Action;
      input: Record<string, unknown>;
    }): Promise<WorkflowReport> {
      const report = await load(documentId);
      if (!canSeeReport(scope, report.office?.id)) throw forbidden('Questa segnalazione è di un altro ufficio.');

      const actor = scope.seesEverything && action === 'reassign' ? 'urp' : 'officer';
      const decision = decide(action, report, actor);
      if (!decision.allowed) {
        if (decision.code === 'forbidden_actor') throw forbidden(describeRefusal(decision));
        throw conflict(describeRefusal(decision), { code: decision.code, status: report.status, condition: decision.condition ?? null });
      }

      const now = getService(strapi, 'clock').now();
      if (action === 'take_in_charge') await getService(strapi, 'protocol').ensureYear(protocolYear(now));

      const citizen = citizenAddress({
        channel: report.channel,
        reporterEmail: report.reporter?.email,
        contact: report.contact,
        contactEmail: report.contactEmail,
        channelRef: report.channelRef,
      });
      await strapi.db.transaction(async ({ onCommit }) => {
        const outcome = await apply(action, report, staff, input, now);
        const { count } = await strapi.db.query(UID.report).updateMany({
          where: { id: report.id, status: report.status, updatedAt: report.updatedAt },
          data: { ...outcome.changes, status: decision.to, updatedAt: changeStampAfter(report.updatedAt, now) },
        });
        if (count !== 1) throw conflict('La segnalazione è stata modificata da qualcun altro nel frattempo: ricarica la pagina e riprova.');
        if (outcome.relations) await strapi.db.query(UID.report).update({ where: { id: report.id }, data: outcome.relations });

        await getService(strapi, 'history').record({
          report: report.documentId,
          action,
          actorType: actor,
          actorId: `admin:${staff.id}`,
          actorLabel: staffName(staff),
          fromStatus: report.status,
          toStatus: decision.to,
          details: outcome.citizenMail ? { ...outcome.details, citizenNotice: citizen?.channel ?? 'none' } : outcome.details,
        });

        const drafts: NotificationDraft[] = [];
        // The citizen hears on the report's own channel: mail, WhatsApp, or under the Facebook post.
        if (outcome.citizenMail && citizen) {
          drafts.push({ channel: citizen.channel, recipient: citizen.recipient, ...outcome.citizenMail, reportId: report.id });
        }
        if (outcome.officeMail) {
          const { office, template, data } = outcome.officeMail;
          drafts.push(...parseEmailList(office.emails).map((recipient) => ({ recipient, template, data, reportId: report.id })));
        }
        await getService(strapi, 'notifications').enqueue(drafts);
        if (SEARCH_AFFECTING.has(action)) await getService(strapi, 'search').sync(report.id);
        await getService(strapi, 'archive-version').bump();
        onCommit(() => void getService(strapi, 'notifications').kick());
      });
      return load(documentId);
    },
  };
};
