import { IN_OFFICE_STATUSES, isInOffice, type ReportStatus } from '../../workflow/domain/report-states';
import { dueAfterWorkingDays, type WorkingCalendar } from './working-calendar';

/**
 * The times the municipality promises, in working days: take a report in charge, give the first
 * answer (can it be done?), and close it. Set per category; these are the defaults.
 */
export interface ServiceLevels {
  readonly takeInChargeDays: number;
  readonly firstAnswerDays: number;
  readonly closeDays: number;
}

export const DEFAULT_SERVICE_LEVELS: ServiceLevels = { takeInChargeDays: 1, firstAnswerDays: 5, closeDays: 30 };

export interface DueDates {
  readonly dueTakeInChargeAt?: Date | null;
  readonly dueFirstAnswerAt?: Date | null;
  readonly dueCloseAt?: Date | null;
}

/** The due dates a step sets, counted from the moment it happens in the office's calendar. */
export function dueDatesAfter(step: 'submit' | 'take_in_charge' | 'reopen', at: Date, levels: ServiceLevels, calendar: WorkingCalendar): DueDates {
  switch (step) {
    case 'submit':
      return { dueTakeInChargeAt: dueAfterWorkingDays(at, levels.takeInChargeDays, calendar) };
    case 'take_in_charge':
      return {
        dueFirstAnswerAt: dueAfterWorkingDays(at, levels.firstAnswerDays, calendar),
        dueCloseAt: dueAfterWorkingDays(at, levels.closeDays, calendar),
      };
    case 'reopen':
      return { dueCloseAt: dueAfterWorkingDays(at, levels.closeDays, calendar) };
  }
}

export interface DeadlineFacts {
  readonly status: ReportStatus;
  readonly firstAnsweredAt?: string | null;
  readonly dueTakeInChargeAt?: string | null;
  readonly dueFirstAnswerAt?: string | null;
  readonly dueCloseAt?: string | null;
}

/** A report's three deadlines, as every view (citizen, staff) shows them. */
export function deadlinesOf(report: Pick<DeadlineFacts, 'dueTakeInChargeAt' | 'dueFirstAnswerAt' | 'dueCloseAt'>) {
  return {
    takeInCharge: report.dueTakeInChargeAt ?? null,
    firstAnswer: report.dueFirstAnswerAt ?? null,
    close: report.dueCloseAt ?? null,
  };
}

/** The deadline the report is running against now, if any: which step, and when. */
export function currentDeadline(report: DeadlineFacts): { step: 'take_in_charge' | 'first_answer' | 'close'; due: string } | null {
  if (report.status === 'submitted' && report.dueTakeInChargeAt) return { step: 'take_in_charge', due: report.dueTakeInChargeAt };
  if (isInOffice(report.status) && !report.firstAnsweredAt && report.dueFirstAnswerAt) {
    return { step: 'first_answer', due: report.dueFirstAnswerAt };
  }
  if (isInOffice(report.status) && report.dueCloseAt) return { step: 'close', due: report.dueCloseAt };
  return null;
}

export function isOverdue(report: DeadlineFacts, now: Date): boolean {
  const deadline = currentDeadline(report);
  return deadline !== null && new Date(deadline.due).getTime() < now.getTime();
}

/** A query filter for the reports that are overdue at `now` (the same rule as `isOverdue`). */
export function overdueWhere(now: Date) {
  const open = { status: { $in: [...IN_OFFICE_STATUSES] } };
  return {
    $or: [
      { status: 'submitted', dueTakeInChargeAt: { $lt: now } },
      { ...open, firstAnsweredAt: { $null: true }, dueFirstAnswerAt: { $lt: now } },
      { ...open, firstAnsweredAt: { $notNull: true }, dueCloseAt: { $lt: now } },
    ],
  };
}

export type AlertKind = 'reminder' | 'escalation';

/**
 * Which alert a report's current deadline calls for at `now`: a reminder to the office from
 * `reminderLeadMs` before it, an escalation to URP once it has passed. `key` makes each one unique
 * per report, step, kind and deadline, so it is sent once even if several servers look at once.
 */
export function alertDue(
  report: DeadlineFacts & { readonly id: number },
  now: Date,
  reminderLeadMs: number,
): { kind: AlertKind; step: 'take_in_charge' | 'first_answer' | 'close'; due: string; key: string } | null {
  const deadline = currentDeadline(report);
  if (!deadline) return null;
  const due = new Date(deadline.due).getTime();
  const kind: AlertKind | null = now.getTime() >= due ? 'escalation' : now.getTime() >= due - reminderLeadMs ? 'reminder' : null;
  if (!kind) return null;
  return { kind, step: deadline.step, due: deadline.due, key: `${report.id}:${deadline.step}:${kind}:${new Date(deadline.due).toISOString()}` };
}
