import { alertDue, currentDeadline, dueDatesAfter, isOverdue, DEFAULT_SERVICE_LEVELS } from './service-levels';
import { DEFAULT_CALENDAR } from './working-calendar';

const friday = new Date('2026-11-27T20:00:00+01:00');

describe('service levels', () => {
  it('sets the deadline to take in charge on submission', () => {
    expect(dueDatesAfter('submit', friday, DEFAULT_SERVICE_LEVELS, DEFAULT_CALENDAR)).toEqual({
      dueTakeInChargeAt: new Date('2026-11-30T16:00:00+01:00'),
    });
  });

  it('sets first answer and closing deadlines when taken in charge', () => {
    const due = dueDatesAfter(
      'take_in_charge',
      new Date('2026-11-30T09:00:00+01:00'),
      { takeInChargeDays: 1, firstAnswerDays: 2, closeDays: 5 },
      DEFAULT_CALENDAR,
    );
    expect(due).toEqual({ dueFirstAnswerAt: new Date('2026-12-02T16:00:00+01:00'), dueCloseAt: new Date('2026-12-07T16:00:00+01:00') });
  });

  it('runs against the deadline of the current step', () => {
    const report = { status: 'in_progress' as const, dueFirstAnswerAt: '2026-12-02T15:00:00.000Z', dueCloseAt: '2026-12-07T15:00:00.000Z' };
    expect(currentDeadline(report)).toEqual({ step: 'first_answer', due: '2026-12-02T15:00:00.000Z' });
    expect(currentDeadline({ ...report, firstAnsweredAt: '2026-12-01T10:00:00.000Z' })).toEqual({ step: 'close', due: '2026-12-07T15:00:00.000Z' });
    expect(currentDeadline({ status: 'closed' })).toBeNull();
    expect(isOverdue(report, new Date('2026-12-03T08:00:00Z'))).toBe(true);
    expect(isOverdue({ ...report, firstAnsweredAt: '2026-12-01T10:00:00.000Z' }, new Date('2026-12-03T08:00:00Z'))).toBe(false);
  });
});

describe('deadline alerts', () => {
  const report = { id: 7, status: 'submitted' as const, dueTakeInChargeAt: '2026-11-30T15:00:00.000Z' };
  const hours = (n: number) => n * 3600_000;

  it('reminds the office shortly before, escalates to URP after', () => {
    expect(alertDue(report, new Date('2026-11-30T10:00:00Z'), hours(4))).toBeNull();
    expect(alertDue(report, new Date('2026-11-30T11:00:00Z'), hours(4))).toEqual({
      kind: 'reminder',
      step: 'take_in_charge',
      due: '2026-11-30T15:00:00.000Z',
      key: '7:take_in_charge:reminder:2026-11-30T15:00:00.000Z',
    });
    expect(alertDue(report, new Date('2026-11-30T15:00:00Z'), hours(4))).toMatchObject({ kind: 'escalation' });
  });

  it('says nothing once the step is done', () => {
    expect(alertDue({ ...report, status: 'closed' }, new Date('2026-12-30T00:00:00Z'), hours(4))).toBeNull();
  });
});
