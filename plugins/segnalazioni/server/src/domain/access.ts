/**
 * Who in the back office sees which report: an officer, the reports of the offices they belong to;
 * URP staff and super admins, every report (also those with no office yet, waiting for triage).
 */
export interface StaffScope {
  readonly userId: number;
  readonly officeIds: readonly number[];
  readonly seesEverything: boolean;
}

export function canSeeReport(scope: StaffScope, reportOfficeId: number | null | undefined): boolean {
  if (scope.seesEverything) return true;
  return reportOfficeId != null && scope.officeIds.includes(reportOfficeId);
}

/** The office filter a query must carry for this scope; `null` means no filter. */
export function officeFilter(scope: StaffScope): readonly number[] | null {
  return scope.seesEverything ? null : scope.officeIds;
}
