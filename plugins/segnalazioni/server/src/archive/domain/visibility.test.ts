import { isPhotoPublic, toOwnReport, toPublicReport } from './visibility';

const record = {
  documentId: 'abc',
  protocolNumber: '2026/000007',
  title: 'Titolo del cittadino',
  publicTitle: 'Titolo pubblico',
  publicText: 'Testo approvato',
  status: 'in_progress' as const,
  submittedAt: '2026-11-02T08:00:00.000Z',
  dueCloseAt: '2026-12-15T15:00:00.000Z',
  firstAnsweredAt: '2026-11-03T08:00:00.000Z',
  replies: [
    { kind: 'progress' as const, body: 'Riservata', isPublic: false, createdAt: '2026-11-04T08:00:00.000Z' },
    { kind: 'feasibility' as const, body: 'Pubblica', isPublic: true, createdAt: '2026-11-03T08:00:00.000Z' },
  ],
};

describe('the public view of a report', () => {
  it('shows the approved words and public replies only', () => {
    const view = toPublicReport(record, []);
    expect(view).toMatchObject({
      title: 'Titolo pubblico',
      text: 'Testo approvato',
      replies: [{ kind: 'feasibility' as const, body: 'Pubblica', createdAt: record.replies[1].createdAt }],
    });
    expect(JSON.stringify(view)).not.toContain('Titolo del cittadino');
    expect(JSON.stringify(view)).not.toContain('Riservata');
  });

  it('leaves deadlines out unless the municipality shows them', () => {
    expect(toPublicReport(record, [])).not.toHaveProperty('deadline');
    expect(toPublicReport(record, [], { deadlines: true }).deadline).toEqual({ step: 'close', due: '2026-12-15T15:00:00.000Z' });
  });
});

describe("the reporter's view of a report", () => {
  const own = {
    ...record,
    reference: 'SEG-7',
    description: 'Testo originale',
    textModeration: 'approved' as const,
    isPublic: true,
    channel: 'web',
    dueFirstAnswerAt: '2026-11-05T16:00:00.000Z',
  };

  it('states the current deadline from the first answer, not from the replies it is shown', () => {
    expect(toOwnReport(own, []).deadline).toEqual({ step: 'close', due: '2026-12-15T15:00:00.000Z' });
    expect(toOwnReport({ ...own, firstAnsweredAt: null, replies: [] }, []).deadline).toEqual({ step: 'first_answer', due: '2026-11-05T16:00:00.000Z' });
    expect(toOwnReport({ ...own, status: 'closed' as const }, []).deadline).toBeNull();
  });

  it('shows the reporter every step but the notes other systems relay for the office', () => {
    const history = [
      { action: 'submit' as const, fromStatus: null, toStatus: 'submitted' as const, occurredAt: '2026-11-01T09:00:00.000Z' },
      { action: 'comment' as const, fromStatus: 'in_charge' as const, toStatus: 'in_charge' as const, occurredAt: '2026-11-03T09:00:00.000Z' },
      { action: 'take_in_charge' as const, fromStatus: 'submitted' as const, toStatus: 'in_charge' as const, occurredAt: '2026-11-02T09:00:00.000Z' },
    ];
    expect(toOwnReport({ ...own, history }, []).history.map((entry) => entry.action)).toEqual(['submit', 'take_in_charge']);
  });
});

describe('a photo in public', () => {
  it('needs its own approval and its report published', () => {
    expect(isPhotoPublic({ moderation: 'approved' }, { isPublic: true })).toBe(true);
    expect(isPhotoPublic({ moderation: 'approved' }, { isPublic: false })).toBe(false);
    expect(isPhotoPublic({ moderation: 'pending' }, { isPublic: true })).toBe(false);
    expect(isPhotoPublic({ moderation: 'rejected' }, { isPublic: true })).toBe(false);
    expect(isPhotoPublic({ moderation: 'approved' }, null)).toBe(false);
  });
});
