import { LIFECYCLE, type Effect, type RunBy } from '../domain/lifecycle';
import { EFFECT_HANDLERS, handlerOf } from './workflow-effects';

const effectsRunBy = (service: RunBy) => new Set<Effect>(LIFECYCLE.filter((row) => row.runBy === service).flatMap((row) => row.effects));

describe('the effects of the lifecycle table', () => {
  it('has a handler for each effect a workflow row names, and none that no row names', () => {
    expect(Object.keys(EFFECT_HANDLERS).sort()).toEqual([...effectsRunBy('workflow')].sort());
  });

  it('leaves to the intake exactly the effects intake.ts carries out itself', () => {
    // services/intake.ts sets the due dates, mails the office and sends the receipt by its own code.
    expect([...effectsRunBy('intake')].sort()).toEqual(['notify_office', 'receipt_to_citizen', 'set_due_dates']);
  });

  it('names each effect once per row', () => {
    for (const row of LIFECYCLE) expect(new Set(row.effects).size).toBe(row.effects.length);
  });

  it('refuses to run an effect the workflow has no handler for', () => {
    expect(() => handlerOf('receipt_to_citizen')).toThrow(/no handler for the effect "receipt_to_citizen"/);
    expect(handlerOf('add_reply')).toBe(EFFECT_HANDLERS.add_reply);
  });
});
