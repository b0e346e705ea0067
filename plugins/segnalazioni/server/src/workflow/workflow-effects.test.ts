import { LIFECYCLE, type Effect, type RunBy } from './domain/lifecycle';
import { INTAKE_EFFECT_HANDLERS, intakeHandlerOf } from '../intake/intake-effects';
import { EFFECT_HANDLERS, handlerOf } from './workflow-effects';

const effectsRunBy = (service: RunBy) => new Set<Effect>(LIFECYCLE.filter((row) => row.runBy === service).flatMap((row) => row.effects));

/** Each service that runs rows, with its handlers: a new `RunBy` does not compile until it has its map. */
const HANDLERS: Record<RunBy, object> = { intake: INTAKE_EFFECT_HANDLERS, workflow: EFFECT_HANDLERS };
const SERVICES = Object.keys(HANDLERS) as RunBy[];

describe('the effects of the lifecycle table', () => {
  it.each(SERVICES)('has a handler for each effect a row run by the %s names, and none that no such row names', (service) => {
    expect(Object.keys(HANDLERS[service]).sort()).toEqual([...effectsRunBy(service)].sort());
  });

  it('names each effect once per row', () => {
    for (const row of LIFECYCLE) expect(new Set(row.effects).size).toBe(row.effects.length);
  });

  it('refuses to run an effect the service has no handler for', () => {
    expect(() => handlerOf('receipt_to_citizen')).toThrow(/workflow has no handler for the effect "receipt_to_citizen"/);
    expect(handlerOf('add_reply')).toBe(EFFECT_HANDLERS.add_reply);
    expect(() => intakeHandlerOf('add_reply')).toThrow(/intake has no handler for the effect "add_reply"/);
    expect(intakeHandlerOf('receipt_to_citizen')).toBe(INTAKE_EFFECT_HANDLERS.receipt_to_citizen);
  });
});
