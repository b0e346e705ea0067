import {
  ACTIONS,
  ACTORS,
  LIFECYCLE,
  REPORT_STATUSES,
  allowedActions,
  decide,
  isWorkflowAction,
  type Action,
  type Actor,
  type ReportFacts,
  type ReportStatus,
  type RunBy,
} from './lifecycle';

/** The table of DESIGN.md, written out independently of the data it checks. */
const EXPECTED: Record<Action, { from: (ReportStatus | null)[]; to: ReportStatus | 'same'; by: Actor[]; runBy: RunBy }> = {
  submit: { from: [null], to: 'submitted', by: ['citizen', 'channel', 'desk'], runBy: 'intake' },
  edit: { from: ['submitted'], to: 'same', by: ['reporter'], runBy: 'intake' },
  comment: { from: ['submitted', 'in_charge', 'in_progress', 'closed'], to: 'same', by: ['channel'], runBy: 'intake' },
  take_in_charge: { from: ['submitted'], to: 'in_charge', by: ['officer'], runBy: 'workflow' },
  reassign: { from: ['submitted', 'in_charge'], to: 'same', by: ['officer', 'urp'], runBy: 'workflow' },
  moderate_text: { from: ['submitted', 'in_charge', 'in_progress', 'closed'], to: 'same', by: ['officer'], runBy: 'workflow' },
  moderate_photo: { from: ['submitted', 'in_charge', 'in_progress', 'closed'], to: 'same', by: ['officer'], runBy: 'workflow' },
  publish: { from: ['in_charge', 'in_progress', 'closed'], to: 'same', by: ['officer'], runBy: 'workflow' },
  unpublish: { from: ['in_charge', 'in_progress', 'closed'], to: 'same', by: ['officer'], runBy: 'workflow' },
  reply: { from: ['in_charge', 'in_progress'], to: 'in_progress', by: ['officer'], runBy: 'workflow' },
  close: { from: ['in_charge', 'in_progress'], to: 'closed', by: ['officer'], runBy: 'workflow' },
  reject: { from: ['submitted', 'in_charge'], to: 'rejected', by: ['officer'], runBy: 'workflow' },
  mark_duplicate: { from: ['submitted', 'in_charge', 'in_progress'], to: 'closed', by: ['officer'], runBy: 'workflow' },
  reopen: { from: ['closed'], to: 'in_progress', by: ['officer'], runBy: 'workflow' },
};

const STATES: (ReportStatus | null)[] = [null, ...REPORT_STATUSES];

/** Facts under which the extra conditions of publish/unpublish hold, so only state and actor matter. */
function factsFor(action: Action, status: ReportStatus | null): ReportFacts {
  return { status, textModeration: 'approved', isPublic: action === 'unpublish' };
}

describe('the lifecycle table', () => {
  it('has exactly one row per action', () => {
    expect(LIFECYCLE.map((row) => row.action).sort()).toEqual([...ACTIONS].sort());
  });

  it('has each row carried out by the service that runs it: intake for citizens and channels, the workflow for the panel', () => {
    for (const row of LIFECYCLE) expect({ action: row.action, runBy: row.runBy }).toEqual({ action: row.action, runBy: EXPECTED[row.action].runBy });
    expect(ACTIONS.filter(isWorkflowAction)).toEqual(ACTIONS.filter((action) => EXPECTED[action].runBy === 'workflow'));
  });

  describe.each(ACTIONS)('%s', (action) => {
    const expected = EXPECTED[action];

    it.each(STATES)('from %p', (from) => {
      for (const actor of ACTORS) {
        const decision = decide(action, factsFor(action, from), actor);
        if (!expected.from.includes(from)) {
          expect(decision).toMatchObject({ allowed: false, code: 'invalid_state' });
        } else if (!expected.by.includes(actor)) {
          expect(decision).toMatchObject({ allowed: false, code: 'forbidden_actor' });
        } else {
          expect(decision).toMatchObject({ allowed: true, to: expected.to === 'same' ? from : expected.to });
        }
      }
    });
  });
});

describe('conditions beyond the status', () => {
  it('refuses to publish a report whose text is not approved', () => {
    for (const textModeration of ['pending', 'rejected'] as const) {
      expect(decide('publish', { status: 'in_charge', textModeration, isPublic: false }, 'officer')).toMatchObject({
        allowed: false,
        code: 'condition_unmet',
        condition: 'text_approved',
      });
    }
  });

  it('refuses to publish twice and to unpublish what is not public', () => {
    expect(decide('publish', { status: 'closed', textModeration: 'approved', isPublic: true }, 'officer')).toMatchObject({
      allowed: false,
      condition: 'not_published',
    });
    expect(decide('unpublish', { status: 'closed', textModeration: 'approved', isPublic: false }, 'officer')).toMatchObject({
      allowed: false,
      condition: 'published',
    });
  });

  it('checks the state before the actor, and the actor before the conditions', () => {
    expect(decide('publish', { status: 'submitted', textModeration: 'pending' }, 'citizen')).toMatchObject({
      code: 'invalid_state',
    });
    expect(decide('publish', { status: 'in_charge', textModeration: 'pending' }, 'citizen')).toMatchObject({
      code: 'forbidden_actor',
    });
  });

  it('refuses an action that is not in the table', () => {
    expect(decide('delete', { status: 'submitted' }, 'urp')).toMatchObject({ allowed: false, code: 'unknown_action' });
  });
});

describe('allowedActions', () => {
  it('offers an officer only what the table allows now', () => {
    expect(allowedActions({ status: 'submitted', textModeration: 'pending' }, 'officer').sort()).toEqual(
      ['mark_duplicate', 'moderate_photo', 'moderate_text', 'reassign', 'reject', 'take_in_charge'].sort(),
    );
    expect(allowedActions({ status: 'in_progress', textModeration: 'approved', isPublic: false }, 'officer').sort()).toEqual(
      ['close', 'mark_duplicate', 'moderate_photo', 'moderate_text', 'publish', 'reply'].sort(),
    );
    expect(allowedActions({ status: 'rejected', textModeration: 'approved', isPublic: false }, 'officer')).toEqual([]);
  });

  it('lets the reporter only edit, and only while submitted', () => {
    expect(allowedActions({ status: 'submitted' }, 'reporter')).toEqual(['edit']);
    expect(allowedActions({ status: 'in_charge' }, 'reporter')).toEqual([]);
  });
});
