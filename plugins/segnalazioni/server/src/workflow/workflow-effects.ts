import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { handlerIn, type ActionsWith, type Effect, type WorkflowAction, type WorkflowEffect } from './domain/lifecycle';
import { formatDateTime, MAIL_WORDS, type TemplateData, type TemplateName } from '../notifications/domain/mail-templates';
import type { Locale } from '../common/domain/messages';
import type { CitizenTemplate } from '../notifications/domain/mail-templates';
import { DEFAULT_POSITION_CHOICE, NO_PUBLIC_PLACE, publicPlaceOf, type PublicPlace } from './domain/public-place';
import type { ActionStep } from './domain/workflow-input';
import type { JsonObject } from '../intake/domain/report-record';
import { byPosition } from '../photos/domain/photo-rules';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { rowsOf } from '../common/rows';
import type { OfficeRow, StaffMember, WorkflowReport } from './workflow';

/**
 * One handler per effect of the lifecycle table's workflow rows. The workflow runs the effects of
 * the row `decide()` returned, in its order, inside its transaction, and writes what they add up
 * to. The handlers sit in one file, beside the workflow, so they read as a whole against the table:
 * each is a few lines, and most only say what changes.
 */

/** The report's columns the workflow's effects write. */
export interface ReportChanges extends Partial<PublicPlace> {
  readonly protocolNumber?: string;
  readonly takenInChargeAt?: string;
  readonly dueFirstAnswerAt?: Date | null;
  readonly dueCloseAt?: Date | null;
  readonly textModeration?: 'approved' | 'rejected';
  readonly publicTitle?: string | null;
  readonly publicText?: string | null;
  readonly textModerationReason?: string | null;
  readonly isPublic?: boolean;
  readonly publishedOn?: string | null;
  readonly firstAnsweredAt?: string;
  readonly closedAt?: string | null;
}

/** Relations to set; the conditional update that guards the change only carries columns. */
export interface RelationChanges {
  readonly category?: { readonly id: number; readonly name: string };
  readonly office?: OfficeRow;
  /** `null`: the report is no duplicate any more. */
  readonly duplicateOf?: OriginalReport | null;
}

/** The report a duplicate repeats, as its effects need it. */
export interface OriginalReport {
  readonly id: number;
  readonly documentId: string;
  readonly reference: string;
  readonly isPublic: boolean;
}

export interface Mail<Template extends TemplateName = TemplateName> {
  readonly template: Template;
  readonly data: TemplateData;
}

/** What the effects of a row add up to. */
export interface Outcome {
  readonly changes: ReportChanges;
  readonly relations: RelationChanges;
  readonly details: JsonObject;
  /** A citizen's message: a mail, or its text on the report's channel (so every one has a channel text). */
  readonly citizenMail?: Mail<CitizenTemplate>;
  readonly officeMail?: Mail & { readonly office: OfficeRow };
  /** What the public sees of the report may have changed: its archive row is rewritten after the write. */
  readonly refreshArchive: boolean;
}

export const NO_OUTCOME: Outcome = { changes: {}, relations: {}, details: {}, refreshArchive: false };

export interface EffectContext<A extends WorkflowAction> {
  readonly strapi: Core.Strapi;
  readonly step: ActionStep<A>;
  readonly report: WorkflowReport;
  readonly staff: StaffMember;
  /** The staff member as history and mails name them. */
  readonly actorLabel: string;
  readonly now: Date;
  /** The mail data of the report as it was loaded, for the offices (Italian). */
  readonly mailData: TemplateData;
  /** The language the citizen reads (see `preferredLocale`), and the report's mail data in it. */
  readonly citizenLocale: Locale;
  readonly citizenMailData: TemplateData;
  /** What the effects before this one in the row added up to. */
  readonly sofar: Outcome;
}

export type EffectHandler<E extends WorkflowEffect> = (
  context: EffectContext<Extract<ActionsWith<E>, WorkflowAction>>,
) => Partial<Outcome> | Promise<Partial<Outcome>>;

/** The photo an input names, with its number as the citizen sees it (1-based, in order). */
function photoOf(report: WorkflowReport, photoId: string) {
  const photos = [...(report.photos ?? [])].sort(byPosition);
  const index = photos.findIndex((photo) => photo.documentId === photoId);
  if (index < 0) throw new errors.ValidationError(`Foto: "${photoId}" non appartiene a questa segnalazione.`, { path: 'photo' });
  return { photo: photos[index], number: index + 1 };
}

async function activeCategory(strapi: Core.Strapi, ref: string): Promise<{ id: number; name: string; office?: OfficeRow | null }> {
  const category = await getService(strapi, 'categories').findActive(ref);
  if (!category) throw new errors.ValidationError(`Categoria: "${ref}" non esiste o non è attiva.`, { path: 'category' });
  return category;
}

async function officeByDocumentId(strapi: Core.Strapi, documentId: string): Promise<OfficeRow> {
  const office = await rowsOf(strapi, UID.office).findOne({ where: { documentId } });
  if (!office) throw new errors.ValidationError(`Ufficio: "${documentId}" non esiste.`, { path: 'office' });
  return office;
}

/** An officer names the original as citizens and mails do: its reference, its protocol number, or its document id. */
async function originalOf(strapi: Core.Strapi, report: WorkflowReport, name: string): Promise<OriginalReport> {
  const found = await rowsOf(strapi, UID.report).findOne({
    where: { $or: [{ reference: name.toUpperCase() }, { protocolNumber: name }, { documentId: name }] },
    select: ['id', 'documentId', 'reference', 'isPublic', 'status'],
    populate: { duplicateOf: { select: ['reference'] } },
  });
  const refuse = (message: string) => new errors.ValidationError(`Segnalazione originale: ${message}`, { path: 'original' });
  if (!found) throw refuse(`"${name}" non esiste (indicare il riferimento, es. K7QM-3XPA, o il numero di protocollo).`);
  if (found.id === report.id) throw refuse('è questa stessa segnalazione.');
  if (found.status === 'rejected') throw refuse(`${found.reference} è stata respinta: indicare una segnalazione accolta.`);
  if (found.duplicateOf) throw refuse(`${found.reference} è a sua volta un duplicato: indicare la sua originale, ${found.duplicateOf.reference}.`);
  return { id: found.id, documentId: found.documentId, reference: found.reference, isPublic: found.isPublic === true };
}

async function triageOffice(strapi: Core.Strapi): Promise<OfficeRow | null> {
  return rowsOf(strapi, UID.office).findOne({ where: { triage: true } });
}

/** The reply each replying action stores: its kind, text and visibility. */
function replyOf(step: ActionStep<ActionsWith<'add_reply'>>): { kind: string; body: string; isPublic: boolean } {
  switch (step.action) {
    case 'reply':
      return { kind: step.input.kind, body: step.input.body, isPublic: step.input.public };
    case 'close':
      return { kind: 'final', body: step.input.body, isPublic: step.input.public };
    case 'reject':
      // A rejected report is never public: its reason goes to the reporter only.
      return { kind: 'rejection', body: step.input.body, isPublic: false };
  }
}

/** The mail the citizen gets for each action that tells them. */
function citizenMailOf({
  strapi,
  step,
  report,
  citizenMailData: data,
  citizenLocale: locale,
  now,
  sofar,
}: EffectContext<ActionsWith<'notify_citizen'>>): Mail<CitizenTemplate> {
  const words = MAIL_WORDS[locale];
  switch (step.action) {
    case 'take_in_charge':
      return {
        template: 'report-taken-in-charge',
        data: {
          ...data,
          protocolNumber: sofar.changes.protocolNumber ?? '',
          takenInChargeAt: formatDateTime(now, locale),
          dueFirstAnswerAt: formatDateTime(sofar.changes.dueFirstAnswerAt, locale),
        },
      };
    case 'moderate_text': {
      const approved = step.input.decision === 'approve';
      return {
        template: 'report-text-moderated',
        data: {
          ...data,
          decision: words.textDecision[step.input.decision],
          publicText: sofar.changes.publicText ?? '',
          reason: approved ? '' : step.input.reason,
        },
      };
    }
    case 'moderate_photo': {
      const approved = step.input.decision === 'approve';
      return {
        template: 'report-photo-moderated',
        data: {
          ...data,
          photoNumber: photoOf(report, step.input.photo).number,
          decision: words.photoDecision[step.input.decision],
          reason: approved ? '' : step.input.reason,
        },
      };
    }
    case 'publish':
      return { template: 'report-published', data: { ...data, publishedAt: formatDateTime(now, locale) } };
    case 'unpublish':
      return { template: 'report-unpublished', data };
    case 'reply':
      return {
        template: 'report-reply',
        data: { ...data, reply: step.input.body, replyKind: words.replyKinds[step.input.kind], replyVisibility: step.input.public ? 'public' : 'private' },
      };
    case 'close':
      return {
        template: 'report-closed',
        data: { ...data, reply: step.input.body, replyVisibility: step.input.public ? 'public' : 'private', closedAt: formatDateTime(now, locale) },
      };
    case 'reject':
      return { template: 'report-rejected', data: { ...data, reply: step.input.body, replyVisibility: 'private' } };
    case 'mark_duplicate': {
      const original = sofar.relations.duplicateOf;
      return {
        template: 'report-duplicate',
        data: {
          ...data,
          originalReference: original?.reference ?? '',
          // The reporter is pointed to the original's public page, once there is one.
          originalUrl: original?.isPublic ? linksOf(strapi).portalReport(original.documentId) : '',
          closedAt: formatDateTime(now, locale),
        },
      };
    }
    case 'reopen':
      return { template: 'report-reopened', data: { ...data, reason: step.input.reason } };
  }
}

/** `Record`-like over the effects the rows name: TypeScript refuses a missing one, or one no row names. */
export const EFFECT_HANDLERS: { readonly [E in WorkflowEffect]: EffectHandler<E> } = {
  async assign_protocol_number({ strapi, now }) {
    const protocolNumber = await getService(strapi, 'protocol').next(now);
    return { changes: { protocolNumber }, details: { protocolNumber } };
  },

  set_taken_in_charge_at: ({ now }) => ({ changes: { takenInChargeAt: now.toISOString() } }),

  set_due_dates({ strapi, step, report, now }) {
    const due = getService(strapi, 'service-levels').dueDates(step.action, now, report.category, report.office);
    // Taking in charge starts both clocks; reopening only the closing one again.
    return step.action === 'take_in_charge'
      ? { changes: { dueFirstAnswerAt: due.dueFirstAnswerAt, dueCloseAt: due.dueCloseAt } }
      : { changes: { dueCloseAt: due.dueCloseAt } };
  },

  async set_destination({ strapi, step, report }) {
    const { office: officeId, category: categoryRef, note } = step.input;
    const category = categoryRef ? await activeCategory(strapi, categoryRef) : null;
    const office = officeId ? await officeByDocumentId(strapi, officeId) : (category?.office ?? (await triageOffice(strapi)));
    const newCategory = category !== null && category.id !== report.category?.id;
    const newOffice = office !== null && office.id !== report.office?.id;
    if (!newCategory && !newOffice) {
      throw new errors.ValidationError(
        category ? 'Categoria: la segnalazione è già in questa categoria e in questo ufficio.' : 'Ufficio: la segnalazione è già di questo ufficio.',
        { path: category ? 'category' : 'office' },
      );
    }
    return {
      relations: { ...(newCategory ? { category: { id: category.id, name: category.name } } : {}), ...(newOffice ? { office } : {}) },
      details: {
        fromOffice: report.office?.name ?? null,
        toOffice: office?.name ?? report.office?.name ?? null,
        ...(newCategory ? { fromCategory: report.category?.name ?? null, toCategory: category.name } : {}),
        note: note ?? null,
      },
    };
  },

  notify_new_office({ step, mailData, actorLabel, sofar, report }) {
    const { office, category } = sofar.relations;
    if (!office) return {};
    const data = { ...mailData, category: category?.name ?? report.category?.name ?? '', actor: actorLabel, note: step.input.note ?? '' };
    return { officeMail: { office, template: 'report-assigned', data } };
  },

  set_text_moderation({ step, report }) {
    const { decision, publicTitle, publicText, publicAddress, position, reason } = step.input;
    const approved = decision === 'approve';
    const text = approved ? (publicText ?? report.description) : null;
    const title = approved ? (publicTitle ?? report.title) : null;
    const place = approved ? publicPlaceOf(report, { publicAddress, position }) : NO_PUBLIC_PLACE;
    const redacted = approved && (text !== report.description || title !== report.title || place.publicAddress !== (report.address?.trim() || null));
    return {
      changes: {
        textModeration: approved ? 'approved' : 'rejected',
        publicTitle: title,
        publicText: text,
        ...place,
        textModerationReason: approved ? null : reason,
      },
      details: { decision, redacted, position: approved && report.latitude != null ? (position ?? DEFAULT_POSITION_CHOICE) : null, reason: reason ?? null },
    };
  },

  async set_photo_moderation({ strapi, step, report }) {
    const { photo: photoId, decision, reason } = step.input;
    const { photo } = photoOf(report, photoId);
    const approved = decision === 'approve';
    await strapi.db.query(UID.photo).update({
      where: { id: photo.id },
      data: { moderation: approved ? 'approved' : 'rejected', moderationReason: approved ? null : reason },
    });
    return { details: { photo: photoId, decision, reason: reason ?? null } };
  },

  set_published: ({ now }) => ({ changes: { isPublic: true, publishedOn: now.toISOString() } }),

  clear_published: ({ step, report }) => ({
    changes: { isPublic: false, publishedOn: null },
    // A rejection says whether it took the report out of the archive.
    details: step.action === 'reject' ? { unpublished: report.isPublic } : NO_OUTCOME.details,
  }),

  async add_reply({ strapi, step, report, staff }) {
    const { kind, body, isPublic } = replyOf(step);
    await strapi.db.query(UID.reply).create({ data: { report: report.id, kind, body, isPublic, author: staff.id } });
    return { details: { ...(step.action === 'reply' ? { kind } : NO_OUTCOME.details), public: isPublic } };
  },

  set_first_answered: ({ report, now }) => (report.firstAnsweredAt ? {} : { changes: { firstAnsweredAt: now.toISOString() } }),

  set_closed_at: ({ now }) => ({ changes: { closedAt: now.toISOString() } }),

  clear_closed_at: () => ({ changes: { closedAt: null } }),

  record_reason: ({ step }) => ({ details: { reason: step.input.reason } }),

  async set_duplicate_of({ strapi, step, report }) {
    const original = await originalOf(strapi, report, step.input.original);
    return { relations: { duplicateOf: original }, details: { original: original.reference } };
  },

  clear_duplicate_of: ({ report }) =>
    report.duplicateOf ? { relations: { duplicateOf: null }, details: { wasDuplicateOf: report.duplicateOf.reference } } : {},

  notify_citizen: (context) => ({ citizenMail: citizenMailOf(context) }),

  refresh_archive: () => ({ refreshArchive: true }),
};

/** The handler of an effect of a workflow row, for whichever of the row's actions runs it. */
export function handlerOf(effect: Effect): EffectHandler<WorkflowEffect> {
  // Each handler takes the actions whose rows name its effect; the table gave us one of those.
  return handlerIn('workflow', EFFECT_HANDLERS as Record<WorkflowEffect, EffectHandler<WorkflowEffect>>, effect);
}

/** Adds what one effect did to what the row's earlier effects did. */
export function addUp(sofar: Outcome, more: Partial<Outcome>): Outcome {
  return {
    changes: { ...sofar.changes, ...more.changes },
    relations: { ...sofar.relations, ...more.relations },
    details: { ...sofar.details, ...more.details },
    citizenMail: more.citizenMail ?? sofar.citizenMail,
    officeMail: more.officeMail ?? sofar.officeMail,
    refreshArchive: sofar.refreshArchive || more.refreshArchive === true,
  };
}
