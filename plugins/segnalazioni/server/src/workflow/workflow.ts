import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { canSeeReport, staffActor, type StaffScope } from '../staff/domain/access';
import { changeStampAfter } from './domain/change-stamp';
import { citizenAddress } from '../channels/domain/channels';
import { decide, type WorkflowAction } from './domain/lifecycle';
import type { TemplateData } from '../notifications/domain/mail-templates';
import { describeRefusal, preferredLocale, type Locale } from '../common/domain/messages';
import { protocolYear } from '../intake/domain/protocol-number';
import { reportMailData } from '../notifications/domain/report-mail';
import type { ActionStep } from './domain/workflow-input';
import { conflict, forbidden } from '../common/errors';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { citizenDrafts, officeDrafts } from '../notifications/notifications';
import { rowsOf, type Row } from '../common/rows';
import { addUp, handlerOf, NO_OUTCOME } from './workflow-effects';

export interface StaffMember {
  readonly id: number;
  readonly firstname?: string | null;
  readonly lastname?: string | null;
  readonly email: string;
}

/** What the workflow reads of a report: the row, and what its effects and mails need of its relations. */
const LOAD = {
  populate: {
    category: { select: ['id', 'name', 'takeInChargeDays', 'firstAnswerDays', 'closeDays'] },
    office: { select: ['id', 'documentId', 'name', 'emails', 'openingHours', 'contactPhone', 'contactEmail'] },
    reporter: { select: ['email', 'firstName', 'lastName', 'language'] },
    photos: { select: ['id', 'documentId', 'position', 'moderation'] },
    duplicateOf: { select: ['reference'] },
  },
} as const;

export type WorkflowReport = Row<typeof UID.report, typeof LOAD>;

/** An office as the workflow uses it: where a report goes, whom its mails reach, its calendar. */
export type OfficeRow = NonNullable<WorkflowReport['office']>;

/** How a member of staff is named in history and mails. */
export const staffName = (member: StaffMember) => [member.firstname, member.lastname].filter(Boolean).join(' ') || member.email;

/**
 * The officers' workflow: the workflow rows of the lifecycle table, each one transaction made of the
 * change, its history entry and its mails. What is allowed is asked of the domain (`decide`); what
 * an action does is its row's effects, carried out by their handlers (`workflow-effects.ts`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function load(documentId: string): Promise<WorkflowReport> {
    const report = await rowsOf(strapi, UID.report).findOne({ where: { documentId }, ...LOAD });
    if (!report) throw new errors.NotFoundError('Segnalazione non trovata.');
    return report;
  }

  /** The report's mail data in the reader's language, with the links of the workflow's mails. */
  function mailData(report: WorkflowReport, locale: Locale): TemplateData {
    const links = linksOf(strapi);
    return {
      ...reportMailData(report, locale),
      // Only a registered citizen has a page of their own reports.
      myReportUrl: report.reporter ? links.myReport(report.documentId) : '',
      publicReportUrl: links.portalReport(report.documentId),
      adminUrl: links.panelReport(report.documentId),
    };
  }

  return {
    /**
     * Runs `action` on a report for a member of staff. 404: no such report; 403: not theirs;
     * 409: the lifecycle does not allow it now (or someone changed the report meanwhile).
     */
    async perform({
      staff,
      scope,
      documentId,
      step,
    }: {
      staff: StaffMember;
      scope: StaffScope;
      documentId: string;
      step: ActionStep<WorkflowAction>;
    }): Promise<WorkflowReport> {
      const { action } = step;
      const report = await load(documentId);
      if (!canSeeReport(scope, report.office?.id)) throw forbidden('Questa segnalazione è di un altro ufficio.');

      const actor = staffActor(scope, action);
      const decision = decide(action, report, actor);
      if (!decision.allowed) {
        if (decision.code === 'forbidden_actor') throw forbidden(describeRefusal(decision));
        throw conflict(describeRefusal(decision), { code: decision.code, status: report.status, condition: decision.condition ?? null });
      }

      const now = getService(strapi, 'clock').now();
      const { effects } = decision.transition;
      // The year's counter row is created outside the transaction (see `protocol.ensureYear`).
      if (effects.includes('assign_protocol_number')) await getService(strapi, 'protocol').ensureYear(protocolYear(now));

      const citizen = citizenAddress({
        channel: report.channel,
        reporterEmail: report.reporter?.email,
        contact: report.contact,
        contactEmail: report.contactEmail,
        channelRef: report.channelRef,
      });
      const citizenLocale = preferredLocale(report.reporter);
      await strapi.db.transaction(async () => {
        // The row's effects, in its order: what the action does is what the table says.
        const context = {
          strapi,
          step,
          report,
          staff,
          actorLabel: staffName(staff),
          now,
          mailData: mailData(report, 'it'),
          citizenLocale,
          // Only the citizen's messages carry their personal link to the report.
          citizenMailData: { ...mailData(report, citizenLocale), followUrl: getService(strapi, 'follow-links').linkTo(report) },
        };
        let outcome = NO_OUTCOME;
        for (const effect of effects) outcome = addUp(outcome, await handlerOf(effect)({ ...context, sofar: outcome }));
        const { count } = await strapi.db.query(UID.report).updateMany({
          where: { id: report.id, status: report.status, updatedAt: report.updatedAt },
          data: { ...outcome.changes, status: decision.to, updatedAt: changeStampAfter(report.updatedAt, now) },
        });
        if (count !== 1) throw conflict('La segnalazione è stata modificata da qualcun altro nel frattempo: ricarica la pagina e riprova.');
        const { category: newCategory, office: newOffice, duplicateOf } = outcome.relations;
        if (newCategory || newOffice || duplicateOf !== undefined) {
          const relations = {
            ...(newCategory ? { category: newCategory.id } : {}),
            ...(newOffice ? { office: newOffice.id } : {}),
            ...(duplicateOf !== undefined ? { duplicateOf: duplicateOf?.id ?? null } : {}),
          };
          await strapi.db.query(UID.report).update({ where: { id: report.id }, data: relations });
        }

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

        const { citizenMail, officeMail } = outcome;
        // The citizen hears on the report's own channel: mail, WhatsApp, or under the Facebook post.
        await getService(strapi, 'notifications').sendAfterCommit([
          ...(citizenMail ? citizenDrafts(citizen, citizenMail, report.id, citizenLocale) : []),
          ...(officeMail ? officeDrafts(officeMail.office.emails, officeMail, report.id) : []),
        ]);
        // Every action moves a status, an instant, a category or an office: the statistics follow each one.
        await getService(strapi, 'statistics-cells').refresh([report.id]);
        if (outcome.refreshArchive) await getService(strapi, 'archive-projection').sync(report.id);
        await getService(strapi, 'archive-version').bump();
      });
      return load(documentId);
    },
  };
};
