import { ACTIONS, decide, transitionOf, type Action, type Actor, type ReportFacts } from '../../workflow/domain/lifecycle';

/**
 * Who may do what in the back office, for the panel, the Content Manager and the staff statistics
 * alike. The adapter (staff/staff.ts) gathers the facts about an admin user; everything is
 * decided here from them.
 *
 * The rule: URP is a super admin, a holder of the "every office (URP)" permission, or an officer of
 * the triage office (the URP office, which receives the reports that have no category yet). URP sees
 * every report — those waiting for triage too — files desk reports, triages and reassigns across
 * offices. Any other officer sees the reports of the offices they belong to, and nothing else.
 */
export interface StaffFacts {
  readonly userId: number;
  /** The offices the user is an officer of. */
  readonly offices: readonly { readonly id: number; readonly triage: boolean }[];
  /** Strapi's super admin role. */
  readonly superAdmin: boolean;
  /** Holds the panel's "every office (URP)" permission (the Editor role has it from the first boot). */
  readonly allOffices: boolean;
}

/** What a member of staff may see and do: made by `staffScope`, read by every check below. */
export interface StaffScope {
  readonly userId: number;
  readonly officeIds: readonly number[];
  /** URP: every report, the desk and triage. */
  readonly seesEverything: boolean;
}

export function isUrp(facts: StaffFacts): boolean {
  return facts.superAdmin || facts.allOffices || facts.offices.some((office) => office.triage);
}

export function staffScope(facts: StaffFacts): StaffScope {
  return { userId: facts.userId, officeIds: facts.offices.map((office) => office.id), seesEverything: isUrp(facts) };
}

export function canSeeReport(scope: StaffScope, reportOfficeId: number | null | undefined): boolean {
  if (scope.seesEverything) return true;
  return reportOfficeId != null && scope.officeIds.includes(reportOfficeId);
}

/** The office filter a query must carry for this scope; `null` means no filter. */
export function officeFilter(scope: StaffScope): readonly number[] | null {
  return scope.seesEverything ? null : scope.officeIds;
}

/** The lifecycle actors that are members of staff: their history entries carry their name. */
export const STAFF_ACTORS: readonly Actor[] = ['officer', 'urp', 'desk'];

/** The actors URP staff act as where the lifecycle gives URP a row of its own. */
const URP_ACTORS: readonly Actor[] = ['urp', 'desk'];

/**
 * The actor a member of staff is for `action`, as `decide()` and the history read it: URP is `urp`
 * (or `desk`, filing a report for a citizen) where the row names it, and an officer everywhere else;
 * anyone else is an officer, whom the submit row does not admit.
 */
export function staffActor(scope: StaffScope, action: Action): Actor {
  const { by } = transitionOf(action);
  const own = scope.seesEverything ? URP_ACTORS.find((actor) => by.includes(actor)) : undefined;
  return own ?? 'officer';
}

/** The URP desk: filing a report for a citizen who phoned or came to the counter. */
export function mayFileAtDesk(scope: StaffScope): boolean {
  return decide('submit', { status: null }, staffActor(scope, 'submit')).allowed;
}

/** The triage queue (reports with no category yet) is URP's, as the desk is; the panel shows both together. */
export function mayTriage(scope: StaffScope): boolean {
  return scope.seesEverything;
}

/** The actions the panel offers this member of staff on a report now: what the workflow will accept. */
export function staffAllowedActions(scope: StaffScope, report: ReportFacts): Action[] {
  return ACTIONS.filter((action) => decide(action, report, staffActor(scope, action)).allowed);
}
