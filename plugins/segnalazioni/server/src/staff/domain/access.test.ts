import { canSeeReport, isUrp, mayFileAtDesk, mayTriage, officeFilter, staffActor, staffAllowedActions, staffScope, type StaffFacts } from './access';
import { ACTIONS, decide, LIFECYCLE } from '../../workflow/domain/lifecycle';

const facts = (overrides: Partial<StaffFacts>): StaffFacts => ({ userId: 7, offices: [], superAdmin: false, allOffices: false, ...overrides });

describe('back-office access', () => {
  const officer = staffScope(
    facts({
      offices: [
        { id: 2, triage: false },
        { id: 3, triage: false },
      ],
    }),
  );
  const triageOfficer = staffScope(facts({ userId: 8, offices: [{ id: 1, triage: true }] }));
  const editor = staffScope(facts({ userId: 9, allOffices: true }));
  const superAdmin = staffScope(facts({ userId: 1, superAdmin: true }));

  it('lets an officer see the reports of their offices only', () => {
    expect(officer).toEqual({ userId: 7, officeIds: [2, 3], seesEverything: false });
    expect(canSeeReport(officer, 2)).toBe(true);
    expect(canSeeReport(officer, 3)).toBe(true);
    expect(canSeeReport(officer, 4)).toBe(false);
    expect(canSeeReport(officer, null)).toBe(false);
    expect(officeFilter(officer)).toEqual([2, 3]);
  });

  it('makes URP of a super admin, of the "every office" permission and of an officer of the triage office', () => {
    for (const urp of [triageOfficer, editor, superAdmin]) {
      expect(urp.seesEverything).toBe(true);
      expect(canSeeReport(urp, 4)).toBe(true);
      expect(canSeeReport(urp, null)).toBe(true);
      expect(officeFilter(urp)).toBeNull();
      expect(mayFileAtDesk(urp)).toBe(true);
      expect(mayTriage(urp)).toBe(true);
    }
    expect(isUrp(facts({ offices: [{ id: 2, triage: false }] }))).toBe(false);
    // One triage office among others is enough.
    expect(
      isUrp(
        facts({
          offices: [
            { id: 2, triage: false },
            { id: 1, triage: true },
          ],
        }),
      ),
    ).toBe(true);
  });

  it('keeps the desk and triage from a plain officer', () => {
    expect(mayFileAtDesk(officer)).toBe(false);
    expect(mayTriage(officer)).toBe(false);
  });

  it('shows nothing to an officer of no office', () => {
    const nobody = staffScope(facts({ userId: 10 }));
    expect(canSeeReport(nobody, 2)).toBe(false);
    expect(officeFilter(nobody)).toEqual([]);
  });
});

describe('the actor a member of staff is', () => {
  const officer = staffScope(facts({ offices: [{ id: 2, triage: false }] }));
  const urp = staffScope(facts({ offices: [{ id: 1, triage: true }] }));

  it('is URP where the lifecycle gives URP a row of its own (reassign, the desk), an officer elsewhere', () => {
    expect(staffActor(urp, 'reassign')).toBe('urp');
    expect(staffActor(urp, 'submit')).toBe('desk');
    expect(staffActor(urp, 'take_in_charge')).toBe('officer');
    expect(staffActor(urp, 'reply')).toBe('officer');
    for (const action of ACTIONS) expect(staffActor(officer, action)).toBe('officer');
  });

  it('names only actors their rows admit, but for a plain officer at the desk, whom the submit row refuses', () => {
    for (const row of LIFECYCLE.filter((each) => each.runBy === 'workflow')) {
      expect([row.action, row.by.includes(staffActor(urp, row.action))]).toEqual([row.action, true]);
      expect([row.action, row.by.includes(staffActor(officer, row.action))]).toEqual([row.action, true]);
    }
    expect(decide('submit', { status: null }, staffActor(officer, 'submit'))).toMatchObject({ allowed: false, code: 'forbidden_actor' });
  });

  it('offers in the panel what the workflow will accept from them', () => {
    const report = { status: 'submitted', textModeration: 'pending', isPublic: false } as const;
    for (const scope of [officer, urp]) {
      expect(staffAllowedActions(scope, report).sort()).toEqual(['mark_duplicate', 'moderate_photo', 'moderate_text', 'reassign', 'reject', 'take_in_charge']);
    }
    expect(staffAllowedActions(urp, { status: 'rejected', textModeration: 'approved', isPublic: false })).toEqual([]);
  });
});
