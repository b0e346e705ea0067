import type { Core } from '@strapi/strapi';
import { INTAKE_EFFECT_HANDLERS, NO_INTAKE_OUTCOME, runIntakeEffects, type IntakeEffectContext } from './intake-effects';

/** The intake's effects that need no Strapi service: no call reaches this stand-in. */
const NO_STRAPI = {} as Core.Strapi;

const editContext = (step: Omit<IntakeEffectContext<'edit'>['step'], 'action' | 'input'>): IntakeEffectContext<'edit'> => ({
  strapi: NO_STRAPI,
  step: { action: 'edit', input: {}, ...step },
  now: new Date('2025-03-04T10:00:00Z'),
  citizenLocale: 'it',
  category: null,
  office: null,
  sofar: NO_INTAKE_OUTCOME,
});

describe('notify_office', () => {
  it('tells the office of a new report', async () => {
    const context = {
      ...editContext({ changes: [], photosRemoved: 0, photosAdded: 0 }),
      step: { action: 'submit' as const, input: { title: 'x', description: 'y' } },
    };
    expect(await INTAKE_EFFECT_HANDLERS.notify_office(context)).toEqual({ officeMail: { template: 'report-received', data: {} } });
  });

  it('tells the office what an edit changed, a line each', async () => {
    const outcome = await INTAKE_EFFECT_HANDLERS.notify_office(
      editContext({
        changes: [
          { field: 'title', from: 'Buca', to: 'Buca profonda' },
          { field: 'address', from: null, to: 'Via Italia 1' },
        ],
        photosRemoved: 1,
        photosAdded: 2,
      }),
    );
    expect(outcome).toEqual({
      officeMail: {
        template: 'report-modified',
        data: { changes: '- Titolo: "Buca" → "Buca profonda"\n- Indirizzo: (vuoto) → "Via Italia 1"\n- Foto rimosse: 1\n- Foto aggiunte: 2' },
      },
    });
  });

  it('runs as the edit row says: the office mail and nothing else', async () => {
    const { strapi, step, now, citizenLocale, category, office } = editContext({
      changes: [{ field: 'description', from: 'a', to: 'b' }],
      photosRemoved: 0,
      photosAdded: 0,
    });
    expect(await runIntakeEffects(['notify_office'], { strapi, step, now, citizenLocale, category, office })).toEqual({
      changes: {},
      officeMail: { template: 'report-modified', data: { changes: '- Descrizione: "a" → "b"' } },
      citizenMail: undefined,
    });
  });
});
