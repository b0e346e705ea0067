import { allowedActions, type ReportStatus } from './lifecycle';

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
}

export interface PublicCategory {
  readonly documentId: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly office: { readonly name: string } | null;
  readonly reportCount: number;
}

export function toPublicCategory(category: CategoryRecord, publishedReports: number): PublicCategory {
  return {
    documentId: category.documentId,
    name: category.name,
    slug: category.slug,
    description: category.description ?? '',
    office: category.office ? { name: category.office.name } : null,
    reportCount: publishedReports,
  };
}

/**
 * A citizen's own report: everything about it that concerns them, in every state — but not who in
 * the office acted, nor the office's internal notes.
 */
export interface OwnReportRecord {
  readonly documentId: string;
  readonly reference: string;
  readonly protocolNumber?: string | null;
  readonly title: string;
  readonly description: string;
  readonly publicText?: string | null;
  readonly textModeration: string;
  readonly textModerationReason?: string | null;
  readonly status: ReportStatus;
  readonly isPublic: boolean;
  readonly channel: string;
  readonly address?: string | null;
  readonly latitude?: number | string | null;
  readonly longitude?: number | string | null;
  readonly submittedAt: string;
  readonly takenInChargeAt?: string | null;
  readonly publishedOn?: string | null;
  readonly closedAt?: string | null;
  readonly dueTakeInChargeAt?: string | null;
  readonly dueFirstAnswerAt?: string | null;
  readonly dueCloseAt?: string | null;
  readonly category?: { readonly name: string; readonly slug: string } | null;
  readonly replies?: readonly { readonly kind: string; readonly body: string; readonly isPublic: boolean; readonly createdAt: string }[];
  readonly history?: readonly {
    readonly action: string;
    readonly fromStatus?: string | null;
    readonly toStatus?: string | null;
    readonly occurredAt: string;
  }[];
}

export interface OwnPhoto {
  readonly documentId: string;
  readonly moderation: string;
  readonly moderationReason?: string | null;
  readonly url: string;
  readonly width?: number | null;
  readonly height?: number | null;
  readonly formats: Record<string, { readonly url: string; readonly width: number; readonly height: number }>;
}

const toNumber = (value: number | string | null | undefined) => (value === null || value === undefined || value === '' ? null : Number(value));
const byTime = <T>(key: keyof T) => (a: T, b: T) => String(a[key]).localeCompare(String(b[key]));

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
    deadlines: {
      takeInCharge: report.dueTakeInChargeAt ?? null,
      firstAnswer: report.dueFirstAnswerAt ?? null,
      close: report.dueCloseAt ?? null,
    },
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
    history: [...(report.history ?? [])]
      .sort(byTime('occurredAt'))
      .map((entry) => ({ action: entry.action, fromStatus: entry.fromStatus ?? null, toStatus: entry.toStatus ?? null, at: entry.occurredAt })),
  };
}

export type OwnReport = ReturnType<typeof toOwnReport>;

/** A published report as the public sees it: approved words and photos, public replies, nobody's identity. */
export interface PublishedReportRecord {
  readonly documentId: string;
  readonly protocolNumber?: string | null;
  readonly publicTitle?: string | null;
  readonly title: string;
  readonly publicText?: string | null;
  readonly status: ReportStatus;
  readonly address?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly submittedAt: string;
  readonly publishedOn?: string | null;
  readonly closedAt?: string | null;
  readonly category?: { readonly name: string; readonly slug: string } | null;
  readonly replies?: readonly { readonly kind: string; readonly body: string; readonly isPublic: boolean; readonly createdAt: string }[];
}

export interface PublicPhoto {
  readonly url: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly formats: Record<string, { readonly url: string; readonly width: number; readonly height: number }>;
}

/** Which rows of the report table may be public at all; queries must carry it. */
export const PUBLISHED_WHERE = { isPublic: true, textModeration: 'approved' } as const;

export function toPublicReport(report: PublishedReportRecord, photos: readonly PublicPhoto[]) {
  return {
    documentId: report.documentId,
    protocolNumber: report.protocolNumber ?? null,
    title: report.publicTitle ?? report.title,
    text: report.publicText ?? '',
    category: report.category ? { name: report.category.name, slug: report.category.slug } : null,
    status: report.status,
    photos,
    address: report.address ?? null,
    latitude: toNumber(report.latitude),
    longitude: toNumber(report.longitude),
    submittedAt: report.submittedAt,
    publishedAt: report.publishedOn ?? null,
    closedAt: report.closedAt ?? null,
    replies: [...(report.replies ?? [])]
      .filter((reply) => reply.isPublic)
      .sort(byTime('createdAt'))
      .map((reply) => ({ kind: reply.kind, body: reply.body, createdAt: reply.createdAt })),
  };
}

export type PublicReport = ReturnType<typeof toPublicReport>;
