import { allowedActions } from '../../workflow/domain/lifecycle';
import { currentDeadline, deadlinesOf } from '../../service-levels/domain/service-levels';
import { byTime, toNumber, type HistoryRecord, type ReplyRecord, type ReportRecord } from '../../intake/domain/report-record';
import type { ModerationState } from '../../workflow/domain/report-states';
import { NEARBY } from '../../places/domain/nearby';

/**
 * What the public may see. Every public API (REST, GraphQL, the portal) goes through these
 * functions, so a private field cannot leak through one door while another keeps it shut.
 */

export interface CategoryRecord {
  readonly documentId: string;
  readonly name: string;
  readonly slug: string;
  readonly description?: string | null;
  readonly office?: { readonly name: string } | null;
  readonly nearbyMetres?: number | null;
}

export interface PublicCategory {
  readonly documentId: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly office: { readonly name: string } | null;
  readonly reportCount: number;
  /** How far from a new report's point the portal looks for the same problem already reported. */
  readonly nearbyMetres: number;
}

export function toPublicCategory(category: CategoryRecord, publishedReports: number): PublicCategory {
  return {
    documentId: category.documentId,
    name: category.name,
    slug: category.slug,
    description: category.description ?? '',
    office: category.office ? { name: category.office.name } : null,
    reportCount: publishedReports,
    nearbyMetres: category.nearbyMetres ?? NEARBY.radiusMetres,
  };
}

/**
 * A citizen's own report: everything about it that concerns them, in every state — but not who in
 * the office acted, nor the office's internal notes.
 */
export interface OwnReportRecord extends ReportRecord {
  readonly category?: { readonly name: string; readonly slug: string } | null;
  readonly replies?: readonly Pick<ReplyRecord, 'kind' | 'body' | 'isPublic' | 'createdAt'>[];
  readonly history?: readonly Pick<HistoryRecord, 'action' | 'fromStatus' | 'toStatus' | 'occurredAt'>[];
}

/** A photo as its reporter sees it: every one, with its moderation, through signed links. */
export interface OwnPhoto extends PublicPhoto {
  readonly documentId: string;
  readonly moderation: ModerationState;
  readonly moderationReason?: string | null;
}

export function toOwnReport(report: OwnReportRecord, photos: readonly OwnPhoto[]) {
  return {
    documentId: report.documentId,
    reference: report.reference,
    protocolNumber: report.protocolNumber ?? null,
    title: report.title,
    description: report.description,
    text: report.publicText ?? null,
    textModeration: { state: report.textModeration, reason: report.textModerationReason ?? null },
    category: report.category ? { name: report.category.name, slug: report.category.slug } : null,
    status: report.status,
    published: report.isPublic,
    editable: allowedActions({ status: report.status }, 'reporter').includes('edit'),
    channel: report.channel,
    address: report.address ?? null,
    latitude: toNumber(report.latitude),
    longitude: toNumber(report.longitude),
    submittedAt: report.submittedAt,
    takenInChargeAt: report.takenInChargeAt ?? null,
    publishedAt: report.publishedOn ?? null,
    closedAt: report.closedAt ?? null,
    deadlines: deadlinesOf(report),
    /** The deadline the report runs against now: the same rule as the office's queue and alerts. */
    deadline: currentDeadline(report),
    photos: photos.map((photo) => ({
      documentId: photo.documentId,
      moderation: photo.moderation,
      moderationReason: photo.moderationReason ?? null,
      url: photo.url,
      width: photo.width ?? null,
      height: photo.height ?? null,
      formats: photo.formats,
    })),
    replies: [...(report.replies ?? [])]
      .sort(byTime('createdAt'))
      .map((reply) => ({ kind: reply.kind, body: reply.body, public: reply.isPublic, createdAt: reply.createdAt })),
    // A comment relayed by another system is a note for the office (the lifecycle's `comment`), not a step of the reporter's.
    history: [...(report.history ?? [])]
      .filter((entry) => entry.action !== 'comment')
      .sort(byTime('occurredAt'))
      .map((entry) => ({ action: entry.action, fromStatus: entry.fromStatus ?? null, toStatus: entry.toStatus ?? null, at: entry.occurredAt })),
  };
}

export type OwnReport = ReturnType<typeof toOwnReport>;

/** A published report as the public sees it: approved words and photos, public replies, nobody's identity. */
/** The report's own fields a public view is made from: the only ones the archive reads. */
export const PUBLISHED_REPORT_FIELDS = [
  'documentId',
  'protocolNumber',
  'publicTitle',
  'title',
  'publicText',
  'status',
  'publicAddress',
  'publicLatitude',
  'publicLongitude',
  'submittedAt',
  'publishedOn',
  'closedAt',
  'firstAnsweredAt',
  'dueTakeInChargeAt',
  'dueFirstAnswerAt',
  'dueCloseAt',
] as const satisfies readonly (keyof ReportRecord)[];

export interface PublishedReportRecord extends Pick<ReportRecord, (typeof PUBLISHED_REPORT_FIELDS)[number]> {
  readonly category?: { readonly name: string; readonly slug: string } | null;
  /** The report this one repeats, when an officer closed it as a duplicate. */
  readonly duplicateOf?: DuplicateOf | null;
  readonly replies?: readonly Pick<ReplyRecord, 'kind' | 'body' | 'isPublic' | 'createdAt'>[];
}

/** The original of a duplicate, by the names the public may know it by: its page and its reference. */
export interface DuplicateOf {
  readonly documentId: string;
  readonly reference: string;
}

export interface PublicPhoto {
  readonly url: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly formats: Record<string, { readonly url: string; readonly width: number; readonly height: number }>;
}

/** A photo is public once approved, and only while its report is published. */
export function isPhotoPublic(photo: { readonly moderation: ModerationState }, report: { readonly isPublic?: boolean | null } | null | undefined): boolean {
  return photo.moderation === 'approved' && report?.isPublic === true;
}

/** Which rows of the report table may be public at all; queries must carry it. */
export const PUBLISHED_WHERE = { isPublic: true, textModeration: 'approved' } as const;

/** Deadlines stay out of the archive unless the municipality chooses to show them (`publicDeadlines`). */
export function toPublicReport(report: PublishedReportRecord, photos: readonly PublicPhoto[], { deadlines = false } = {}) {
  return {
    documentId: report.documentId,
    protocolNumber: report.protocolNumber ?? null,
    title: report.publicTitle ?? report.title,
    text: report.publicText ?? '',
    category: report.category ? { name: report.category.name, slug: report.category.slug } : null,
    status: report.status,
    photos,
    // The place as approved for the public, never the citizen's own words or exact point.
    address: report.publicAddress ?? null,
    latitude: toNumber(report.publicLatitude),
    longitude: toNumber(report.publicLongitude),
    submittedAt: report.submittedAt,
    publishedAt: report.publishedOn ?? null,
    closedAt: report.closedAt ?? null,
    duplicateOf: report.duplicateOf ? { documentId: report.duplicateOf.documentId, reference: report.duplicateOf.reference } : null,
    replies: [...(report.replies ?? [])]
      .filter((reply) => reply.isPublic)
      .sort(byTime('createdAt'))
      .map((reply) => ({ kind: reply.kind, body: reply.body, createdAt: reply.createdAt })),
    ...(deadlines ? { deadline: currentDeadline(report) } : {}),
  };
}

export type PublicReport = ReturnType<typeof toPublicReport>;

/** The report's own fields a lookup by reference reads. */
export interface StatusReportRecord extends Pick<
  ReportRecord,
  | 'documentId'
  | 'reference'
  | 'protocolNumber'
  | 'status'
  | 'isPublic'
  | 'textModeration'
  | 'publicTitle'
  | 'title'
  | 'submittedAt'
  | 'takenInChargeAt'
  | 'firstAnsweredAt'
  | 'closedAt'
> {
  readonly category?: { readonly name: string } | null;
  readonly replies?: readonly Pick<ReplyRecord, 'kind' | 'body' | 'isPublic' | 'createdAt'>[];
}

/**
 * A report looked up by its reference, by anyone who has it: where it stands, its dates and its
 * protocol number; its title, page and public replies only once it is published, and never
 * the citizen's words, place or identity, nor what the office told them alone.
 */
export function toReportStatus(report: StatusReportRecord) {
  const published = report.isPublic === true && report.textModeration === 'approved';
  return {
    reference: report.reference,
    protocolNumber: report.protocolNumber ?? null,
    status: report.status,
    category: report.category?.name ?? null,
    submittedAt: report.submittedAt,
    takenInChargeAt: report.takenInChargeAt ?? null,
    firstAnsweredAt: report.firstAnsweredAt ?? null,
    closedAt: report.closedAt ?? null,
    published: published ? { documentId: report.documentId, title: report.publicTitle ?? report.title } : null,
    // A public reply is public with its report: none while the report is out of the archive.
    replies: [...(published ? (report.replies ?? []) : [])]
      .filter((reply) => reply.isPublic)
      .sort(byTime('createdAt'))
      .map((reply) => ({ kind: reply.kind, body: reply.body, createdAt: reply.createdAt })),
  };
}

export type ReportStatusView = ReturnType<typeof toReportStatus>;
