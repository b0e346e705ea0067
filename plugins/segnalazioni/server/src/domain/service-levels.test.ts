import { currentDeadline, dueDatesAfter, isOverdue, DEFAULT_SERVICE_LEVELS } from './service-levels';
import { DEFAULT_CALENDAR } from './working-calendar';

const friday = new Date('2026-11-27T20:00:00+01:00');

describe('service levels', () => {
  it('sets the deadline to take in charge on submission', () => {
    expect(dueDatesAfter('submit', friday, DEFAULT_SERVICE_LEVELS, DEFAULT_CALENDAR)).toEqual({
      dueTakeInChargeAt: new Date('2026-11-30T16:00:00+01:00'),
    });
  });

  it('sets first answer and closing deadlines when taken in charge', () => {
    const due = dueDatesAfter('take_in_charge', new Date('2026-11-30T09:00:00+01:00'), { takeInChargeDays: 1, firstAnswerDays: 2, closeDays: 5 }, DEFAULT_CALENDAR);
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
