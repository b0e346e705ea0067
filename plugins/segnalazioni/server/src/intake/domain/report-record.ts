import type { ModerationState, ReplyKind, ReportStatus } from '../../workflow/domain/report-states';

/** A report row as the database returns it: the columns every view of a report starts from. */
export interface ReportRecord {
  readonly documentId: string;
  readonly reference: string;
  readonly protocolNumber?: string | null;
  readonly title: string;
  readonly description: string;
  readonly publicTitle?: string | null;
  readonly publicText?: string | null;
  readonly textModeration: ModerationState;
  readonly textModerationReason?: string | null;
  readonly status: ReportStatus;
  readonly isPublic: boolean;
  readonly channel: string;
  /** The version of the report's follow links (following/domain/follow-token.ts): revoking bumps it. */
  readonly followVersion?: number | null;
  readonly contact?: string | null;
  readonly contactName?: string | null;
  readonly contactEmail?: string | null;
  /** Answers to the category's own questions (a JSON column: read with `storedAnswers`). */
  readonly answers?: unknown;
  /** A link to the sender's photo on another site (Open311's media_url), for the office only. */
  readonly mediaUrl?: string | null;
  readonly address?: string | null;
  readonly latitude?: number | string | null;
  readonly longitude?: number | string | null;
  /** The place as the officer approved it for the public (see public-place). */
  readonly publicAddress?: string | null;
  readonly publicLatitude?: number | string | null;
  readonly publicLongitude?: number | string | null;
  readonly submittedAt: string;
  readonly takenInChargeAt?: string | null;
  readonly firstAnsweredAt?: string | null;
  readonly publishedOn?: string | null;
  readonly closedAt?: string | null;
  readonly dueTakeInChargeAt?: string | null;
  readonly dueFirstAnswerAt?: string | null;
  readonly dueCloseAt?: string | null;
}

export interface ReplyRecord {
  readonly documentId: string;
  readonly kind: ReplyKind;
  readonly body: string;
  readonly isPublic: boolean;
  readonly createdAt: string;
  readonly author?: { readonly firstname?: string | null; readonly lastname?: string | null } | null;
}

/** What a JSON column stores and gives back unchanged: a history entry's details. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export interface HistoryRecord {
  readonly action: string;
  readonly actorType: string;
  readonly actorLabel?: string | null;
  readonly fromStatus?: string | null;
  readonly toStatus?: string | null;
  readonly details?: JsonObject | null;
  readonly occurredAt: string;
}

/** Oldest first, by an ISO timestamp field. */
export const byTime =
  <T>(key: keyof T) =>
  (a: T, b: T) =>
    String(a[key]).localeCompare(String(b[key]));

export const toNumber = (value: number | string | null | undefined) => (value === null || value === undefined || value === '' ? null : Number(value));
