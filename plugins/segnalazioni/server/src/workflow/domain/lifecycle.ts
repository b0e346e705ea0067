/**
 * The lifecycle of a report, as data: the single source of what may happen to a report, from
 * which state, by whom, and what it leads to. The panel, the citizen API, the channels and the
 * Content Manager all ask `decide()`; none of them re-states these rules.
 */

import { IN_OFFICE_STATUSES, PUBLIC_STATUSES, REPORT_STATUSES, type ModerationState, type ReportStatus } from './report-states';

export { REPORT_STATUSES, type ReportStatus } from './report-states';

export const ACTIONS = [
  'submit',
  'edit',
  'comment',
  'take_in_charge',
  'reassign',
  'moderate_text',
  'moderate_photo',
  'publish',
  'unpublish',
  'reply',
  'close',
  'reject',
  'mark_duplicate',
  'reopen',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Who acts. `citizen` is any registered citizen; `reporter` is the citizen who sent this report;
 * `channel` is an automatic intake (WhatsApp, Facebook); `desk` is URP staff filing on behalf of a
 * citizen; `officer` works in an office; `urp` is URP staff or a super admin.
 */
export const ACTORS = ['citizen', 'reporter', 'channel', 'desk', 'officer', 'urp'] as const;
export type Actor = (typeof ACTORS)[number];

/** Facts about the report an action needs, beyond its status. Unmet: a conflict (409). */
export type Condition = 'text_approved' | 'published' | 'not_published';

/**
 * What the request itself must carry, as its input schema (`ACTION_INPUT`) requires it. Missing: a
 * bad request (400). `destination` is a category (whose office takes the report), an office, or both;
 * `decision` is approve, or reject with a reason; `original` is the report a duplicate repeats.
 */
export type InputRequirement = 'destination' | 'decision' | 'photo' | 'reply' | 'final_reply' | 'rejection_reason' | 'reason' | 'original';

/**
 * What an action does besides changing the status and writing its history entry, in the row's
 * order and in the same transaction. Each has one handler in the service that runs the row:
 * `workflow/workflow-effects.ts` for the workflow's rows, `intake/intake-effects.ts` for the intake's.
 */
export type Effect =
  | 'notify_office'
  | 'notify_new_office'
  | 'notify_citizen'
  | 'receipt_to_citizen'
  | 'set_due_dates'
  | 'assign_protocol_number'
  | 'set_taken_in_charge_at'
  | 'set_destination'
  | 'set_text_moderation'
  | 'set_photo_moderation'
  | 'set_published'
  | 'clear_published'
  | 'add_reply'
  | 'set_first_answered'
  | 'set_closed_at'
  | 'clear_closed_at'
  | 'record_reason'
  | 'set_duplicate_of'
  | 'clear_duplicate_of'
  | 'refresh_archive';

/** The service that carries out a row: the intake (citizens, channels, desk) or the officers' workflow. */
export type RunBy = 'intake' | 'workflow';

export interface Transition {
  readonly action: Action;
  /** `null` stands for "no report yet" (submission). */
  readonly from: readonly (ReportStatus | null)[];
  /** `'same'` keeps the current status. */
  readonly to: ReportStatus | 'same';
  readonly by: readonly Actor[];
  readonly requires: readonly Condition[];
  readonly needs: readonly InputRequirement[];
  readonly effects: readonly Effect[];
  readonly runBy: RunBy;
}

const NOT_REJECTED: readonly ReportStatus[] = REPORT_STATUSES.filter((status) => status !== 'rejected');
/** Publish and unpublish act on the statuses a public report can have. */
const PUBLISHABLE: readonly ReportStatus[] = PUBLIC_STATUSES;
const OPEN_IN_OFFICE: readonly ReportStatus[] = IN_OFFICE_STATUSES;
const OPEN_BEFORE_CLOSURE: readonly ReportStatus[] = ['submitted', ...IN_OFFICE_STATUSES];

/** The lifecycle table of docs/design.md, row by row; kept literal so the types below can read it. */
const ROWS = [
  {
    action: 'submit',
    from: [null],
    to: 'submitted',
    by: ['citizen', 'channel', 'desk'],
    requires: [],
    needs: [],
    effects: ['set_due_dates', 'notify_office', 'receipt_to_citizen'],
    runBy: 'intake',
  },
  {
    action: 'edit',
    from: ['submitted'],
    to: 'same',
    by: ['reporter'],
    requires: [],
    needs: [],
    effects: ['notify_office'],
    runBy: 'intake',
  },
  {
    // A comment another civic system relays (Open311's servicerequestupdates): a note for the office, never public.
    action: 'comment',
    from: NOT_REJECTED,
    to: 'same',
    by: ['channel'],
    requires: [],
    needs: [],
    effects: ['notify_office'],
    runBy: 'intake',
  },
  {
    action: 'take_in_charge',
    from: ['submitted'],
    to: 'in_charge',
    by: ['officer'],
    requires: [],
    needs: [],
    effects: ['assign_protocol_number', 'set_taken_in_charge_at', 'set_due_dates', 'notify_citizen'],
    runBy: 'workflow',
  },
  {
    action: 'reassign',
    from: ['submitted', 'in_charge'],
    to: 'same',
    by: ['officer', 'urp'],
    requires: [],
    needs: ['destination'],
    effects: ['set_destination', 'notify_new_office', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'moderate_text',
    from: NOT_REJECTED,
    to: 'same',
    by: ['officer'],
    requires: [],
    needs: ['decision'],
    effects: ['set_text_moderation', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'moderate_photo',
    from: NOT_REJECTED,
    to: 'same',
    by: ['officer'],
    requires: [],
    needs: ['photo', 'decision'],
    effects: ['set_photo_moderation', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'publish',
    from: PUBLISHABLE,
    to: 'same',
    by: ['officer'],
    requires: ['text_approved', 'not_published'],
    needs: [],
    effects: ['set_published', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'unpublish',
    from: PUBLISHABLE,
    to: 'same',
    by: ['officer'],
    requires: ['published'],
    needs: [],
    effects: ['clear_published', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'reply',
    from: OPEN_IN_OFFICE,
    to: 'in_progress',
    by: ['officer'],
    requires: [],
    needs: ['reply'],
    effects: ['add_reply', 'set_first_answered', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'close',
    from: OPEN_IN_OFFICE,
    to: 'closed',
    by: ['officer'],
    requires: [],
    needs: ['final_reply'],
    effects: ['add_reply', 'set_closed_at', 'set_first_answered', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'reject',
    from: ['submitted', 'in_charge'],
    to: 'rejected',
    by: ['officer'],
    requires: [],
    needs: ['rejection_reason'],
    // A rejected report is not public: rejecting a published one takes it out of the archive.
    effects: ['add_reply', 'set_closed_at', 'set_first_answered', 'clear_published', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    // The same problem as another report: closed, pointing the reporter (and the public) to the original.
    action: 'mark_duplicate',
    from: OPEN_BEFORE_CLOSURE,
    to: 'closed',
    by: ['officer'],
    requires: [],
    needs: ['original'],
    effects: ['set_duplicate_of', 'set_closed_at', 'set_first_answered', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
  {
    action: 'reopen',
    from: ['closed'],
    to: 'in_progress',
    by: ['officer'],
    requires: [],
    needs: ['reason'],
    // A duplicate reopened is one the office no longer takes for a copy: its link goes.
    effects: ['clear_closed_at', 'clear_duplicate_of', 'set_due_dates', 'record_reason', 'notify_citizen', 'refresh_archive'],
    runBy: 'workflow',
  },
] as const satisfies readonly Transition[];

export const LIFECYCLE: readonly Transition[] = ROWS;

type Row = (typeof ROWS)[number];

/** The actions the officers' workflow carries out. */
export type WorkflowAction = Extract<Row, { runBy: 'workflow' }>['action'];

/** The effects the workflow's rows name: each has a handler. */
export type WorkflowEffect = Extract<Row, { runBy: 'workflow' }>['effects'][number];

/** The actions the intake carries out: a report coming in, and the reporter's additions. */
export type IntakeAction = Extract<Row, { runBy: 'intake' }>['action'];

/** The effects the intake's rows name: each has a handler. */
export type IntakeEffect = Extract<Row, { runBy: 'intake' }>['effects'][number];

type ActionsOf<R, E> = R extends { readonly action: infer A; readonly effects: readonly (infer F)[] } ? (E extends F ? A : never) : never;

/** The actions whose rows name `effect`: what its handler must know how to do. */
export type ActionsWith<E extends Effect> = ActionsOf<Row, E>;

/**
 * The handler a service's map holds for an effect of one of the service's rows. A row naming an
 * effect its service has no handler for is a bug, not a refusal (the unit test finds it first).
 */
export function handlerIn<K extends Effect, H>(service: RunBy, handlers: Readonly<Record<K, H>>, effect: Effect): H {
  if (!isKeyOf(handlers, effect)) throw new Error(`The ${service} has no handler for the effect "${effect}"`);
  return handlers[effect];
}

function isKeyOf<K extends string>(map: Readonly<Record<K, unknown>>, key: string): key is K {
  return Object.hasOwn(map, key);
}

/** The facts `decide()` looks at. */
export interface ReportFacts {
  readonly status: ReportStatus | null;
  readonly textModeration?: ModerationState;
  readonly isPublic?: boolean;
}

export type RefusalCode = 'unknown_action' | 'invalid_state' | 'forbidden_actor' | 'condition_unmet';

export type Decision =
  | { readonly allowed: true; readonly transition: Transition; readonly to: ReportStatus }
  | {
      readonly allowed: false;
      readonly code: RefusalCode;
      readonly action: string;
      readonly from: ReportStatus | null;
      readonly condition?: Condition;
    };

const CONDITION_HOLDS: Record<Condition, (report: ReportFacts) => boolean> = {
  text_approved: (report) => report.textModeration === 'approved',
  published: (report) => report.isPublic === true,
  not_published: (report) => report.isPublic !== true,
};

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return isAction(value) && transitionOf(value).runBy === 'workflow';
}

export function transitionOf(action: Action): Transition {
  const transition = LIFECYCLE.find((row) => row.action === action);
  if (!transition) throw new Error(`No lifecycle row for action "${action}"`);
  return transition;
}

/**
 * Says whether `actor` may perform `action` on a report with these facts and, if so, which status
 * it leads to. The state is checked before the actor, so an action that is impossible now reads as
 * a conflict for everyone, and an action someone else may perform reads as forbidden.
 */
export function decide(action: string, report: ReportFacts, actor: Actor): Decision {
  const from = report.status;
  if (!isAction(action)) return { allowed: false, code: 'unknown_action', action, from };

  const transition = transitionOf(action);
  if (!transition.from.includes(from)) return { allowed: false, code: 'invalid_state', action, from };
  if (!transition.by.includes(actor)) return { allowed: false, code: 'forbidden_actor', action, from };

  const unmet = transition.requires.find((condition) => !CONDITION_HOLDS[condition](report));
  if (unmet) return { allowed: false, code: 'condition_unmet', action, from, condition: unmet };

  const to = transition.to === 'same' ? from : transition.to;
  if (to === null) throw new Error(`Action "${action}" keeps a status the report does not have yet`);
  return { allowed: true, transition, to };
}

/** The actions `actor` may perform now: what the panel offers, and nothing else. */
export function allowedActions(report: ReportFacts, actor: Actor): Action[] {
  return ACTIONS.filter((action) => decide(action, report, actor).allowed);
}
