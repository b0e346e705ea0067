import { STAFF_ACTORS, staffAllowedActions, type StaffScope } from './access';
import { currentDeadline, deadlinesOf, isOverdue } from '../../service-levels/domain/service-levels';
import { byTime, toNumber, type HistoryRecord, type ReplyRecord, type ReportRecord } from '../../intake/domain/report-record';
import type { ModerationState } from '../../workflow/domain/report-states';
import { storedAnswers } from '../../intake/domain/category-questions';

/** What the officers' panel shows of a report: everything, including the citizen's identity. */
export interface StaffReportRecord extends ReportRecord {
  readonly category?: { readonly documentId: string; readonly name: string; readonly slug: string } | null;
  readonly office?: { readonly documentId: string; readonly name: string } | null;
  readonly reporter?: { readonly email: string; readonly firstName?: string | null; readonly lastName?: string | null } | null;
  readonly duplicateOf?: { readonly documentId: string; readonly reference: string; readonly title: string } | null;
  readonly replies?: readonly ReplyRecord[];
  readonly history?: readonly HistoryRecord[];
}

/** History entries made by staff carry their name; a citizen's or a channel's do not. */
const NAMED_ACTORS: ReadonlySet<string> = new Set(STAFF_ACTORS);

export interface StaffPhoto {
  readonly documentId: string;
  readonly moderation: ModerationState;
  readonly moderationReason?: string | null;
  readonly url: string;
  readonly thumbnailUrl: string;
  readonly width?: number | null;
  readonly height?: number | null;
}

export function toStaffSummary(report: StaffReportRecord, now: Date = new Date()) {
  return {
    documentId: report.documentId,
    reference: report.reference,
    protocolNumber: report.protocolNumber ?? null,
    title: report.title,
    status: report.status,
    textModeration: report.textModeration,
    published: report.isPublic,
    channel: report.channel,
    category: report.category ? { documentId: report.category.documentId, name: report.category.name } : null,
    office: report.office ? { documentId: report.office.documentId, name: report.office.name } : null,
    submittedAt: report.submittedAt,
    latitude: toNumber(report.latitude),
    longitude: toNumber(report.longitude),
    dueTakeInChargeAt: report.dueTakeInChargeAt ?? null,
    deadline: currentDeadline(report),
    overdue: isOverdue(report, now),
  };
}

/** A message about the report that the outbox gave up on: the office must reach its recipient otherwise. */
export interface UndeliveredNotice {
  readonly channel: string;
  readonly recipient: string;
  readonly template: string;
  readonly lastError?: string | null;
  readonly updatedAt: string;
}

export function toStaffReport(
  report: StaffReportRecord,
  scope: StaffScope,
  photos: readonly StaffPhoto[],
  now: Date = new Date(),
  undelivered: readonly UndeliveredNotice[] = [],
) {
  const citizen = report.reporter
    ? { name: [report.reporter.firstName, report.reporter.lastName].filter(Boolean).join(' '), email: report.reporter.email, phone: null }
    : { name: report.contactName ?? '', email: report.contactEmail ?? null, phone: report.channel === 'facebook' ? null : (report.contact ?? null) };
  return {
    ...toStaffSummary(report, now),
    description: report.description,
    publicTitle: report.publicTitle ?? null,
    publicText: report.publicText ?? null,
    textModerationReason: report.textModerationReason ?? null,
    citizen,
    answers: storedAnswers(report.answers),
    mediaUrl: report.mediaUrl ?? null,
    address: report.address ?? null,
    publicAddress: report.publicAddress ?? null,
    publicLatitude: toNumber(report.publicLatitude),
    publicLongitude: toNumber(report.publicLongitude),
    takenInChargeAt: report.takenInChargeAt ?? null,
    firstAnsweredAt: report.firstAnsweredAt ?? null,
    publishedAt: report.publishedOn ?? null,
    closedAt: report.closedAt ?? null,
    duplicateOf: report.duplicateOf
      ? { documentId: report.duplicateOf.documentId, reference: report.duplicateOf.reference, title: report.duplicateOf.title }
      : null,
    deadlines: deadlinesOf(report),
    allowedActions: staffAllowedActions(scope, report),
    photos,
    replies: [...(report.replies ?? [])].sort(byTime('createdAt')).map((reply) => ({
      documentId: reply.documentId,
      kind: reply.kind,
      body: reply.body,
      public: reply.isPublic,
      createdAt: reply.createdAt,
      author: reply.author ? [reply.author.firstname, reply.author.lastname].filter(Boolean).join(' ') : null,
    })),
    history: [...(report.history ?? [])].sort(byTime('occurredAt')).map((entry) => ({
      action: entry.action,
      actor: NAMED_ACTORS.has(entry.actorType) ? (entry.actorLabel ?? null) : null,
      actorType: entry.actorType,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      details: entry.details ?? {},
      at: entry.occurredAt,
    })),
    undelivered: [...undelivered].sort(byTime('updatedAt')).map((notice) => ({
      channel: notice.channel,
      recipient: notice.recipient,
      template: notice.template,
      error: notice.lastError ?? null,
      at: notice.updatedAt,
    })),
  };
}

/** What the panel's queue and its report page receive; the panel imports these types (admin/src/api.ts). */
export type StaffSummary = ReturnType<typeof toStaffSummary>;
export type StaffReport = ReturnType<typeof toStaffReport>;
