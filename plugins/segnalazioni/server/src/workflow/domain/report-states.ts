/**
 * The vocabulary of a report's states, once: the schemas' enumerations (guarded by
 * content-types/schemas.test.ts), the lifecycle rows, the queries and the panel and portal read these.
 */

export const REPORT_STATUSES = ['submitted', 'in_charge', 'in_progress', 'closed', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Not closed nor rejected: the office still owes a step, and the deadline watch follows it. */
export const OPEN_STATUSES = ['submitted', 'in_charge', 'in_progress'] as const satisfies readonly ReportStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** Taken in charge and not closed: the office answers (reply, close) and the answer deadlines run. */
export const IN_OFFICE_STATUSES = ['in_charge', 'in_progress'] as const satisfies readonly OpenStatus[];

/**
 * The statuses a public report can have: it is published once taken in charge, and a rejected
 * report is never public (rejecting a published one unpublishes it).
 */
export const PUBLIC_STATUSES = ['in_charge', 'in_progress', 'closed'] as const satisfies readonly ReportStatus[];
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/** What an office's reply is: `final` comes with closing, `rejection` with rejecting. */
export const REPLY_KINDS = ['feasibility', 'progress', 'final', 'rejection'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** The kinds of a reply given on its own (the `reply` action), before the report closes. */
export const INTERIM_REPLY_KINDS = ['feasibility', 'progress'] as const satisfies readonly ReplyKind[];
export type InterimReplyKind = (typeof INTERIM_REPLY_KINDS)[number];

/** Moderation of a report's text and of each photo: nothing is public before it is approved. */
export const MODERATION_STATES = ['pending', 'approved', 'rejected'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

const IN_OFFICE: ReadonlySet<ReportStatus> = new Set(IN_OFFICE_STATUSES);

export const isInOffice = (status: ReportStatus): boolean => IN_OFFICE.has(status);

/** Whether `value` is one of `values` (one of the lists above). */
export const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);
