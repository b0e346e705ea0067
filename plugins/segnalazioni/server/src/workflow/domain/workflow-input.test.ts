import { ACTIONS, transitionOf, type Action, type InputRequirement } from './lifecycle';
import { parseActionInput, parseActionStep } from './workflow-input';

/** A document id as Strapi makes them. */
const DOCUMENT_ID = 'k3j9x2m4n5p6q7r8s9t0u1v2';

/** The least input each action takes, written out independently of the schemas. */
const MINIMAL: Record<Action, Record<string, unknown>> = {
  submit: {},
  edit: {},
  comment: {},
  take_in_charge: {},
  reassign: { category: 'rifiuti' },
  moderate_text: { decision: 'approve' },
  moderate_photo: { photo: DOCUMENT_ID, decision: 'approve' },
  publish: {},
  unpublish: {},
  reply: { kind: 'progress', body: 'Interverremo domani.', public: true },
  close: { body: 'Lavori eseguiti.' },
  reject: { body: 'Non è di competenza del Comune.' },
  mark_duplicate: { original: 'K7QM-3XPA' },
  reopen: { reason: 'Il problema è tornato.' },
};

/** The fields of the input each requirement of a lifecycle row stands for: what an empty input is refused for. */
const FIELDS_OF: Record<InputRequirement, readonly string[]> = {
  // A category or an office: with neither, the refusal points at the office.
  destination: ['office'],
  decision: ['decision'],
  photo: ['photo'],
  reply: ['kind', 'body', 'public'],
  final_reply: ['body'],
  rejection_reason: ['body'],
  reason: ['reason'],
  original: ['original'],
};

describe('each lifecycle row needs what its input schema requires', () => {
  it.each(ACTIONS)('%s', (action) => {
    const { needs } = transitionOf(action);
    expect(parseActionInput(action, MINIMAL[action]).ok).toBe(true);

    const empty = parseActionInput(action, {});
    const refusedFields = empty.ok ? [] : [...new Set(empty.errors.map((error) => error.path.split('.')[0]))];
    expect(refusedFields.sort()).toEqual([...new Set(needs.flatMap((need) => FIELDS_OF[need]))].sort());
  });
});

describe('an action with its input', () => {
  it("pairs the action with its parsed input, or gives the input's errors", () => {
    expect(parseActionStep('reopen', { reason: '  Di nuovo rotto ' })).toEqual({ ok: true, value: { action: 'reopen', input: { reason: 'Di nuovo rotto' } } });
    expect(parseActionStep('reopen', {})).toMatchObject({ ok: false, errors: [{ path: 'reason' }] });
  });
});

describe('reassign: the triage of a report', () => {
  const OFFICE = DOCUMENT_ID;

  it('takes a category, an office, or both', () => {
    expect(parseActionInput('reassign', { category: 'rifiuti' })).toEqual({ ok: true, value: { category: 'rifiuti' } });
    expect(parseActionInput('reassign', { office: OFFICE, note: 'di competenza del verde' })).toEqual({
      ok: true,
      value: { office: OFFICE, note: 'di competenza del verde' },
    });
    expect(parseActionInput('reassign', { office: OFFICE, category: 'zone-verdi' }).ok).toBe(true);
  });

  it('refuses neither, and anything else', () => {
    expect(parseActionInput('reassign', { note: 'boh' })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/categoria, l'ufficio o entrambi/) }],
    });
    expect(parseActionInput('reassign', { category: '' }).ok).toBe(false);
    expect(parseActionInput('reassign', { office: 'abc\u0000' })).toMatchObject({ ok: false, errors: [{ message: 'Ufficio: identificativo non valido.' }] });
    expect(parseActionInput('reassign', { category: 'rifiuti', status: 'closed' }).ok).toBe(false);
  });
});

describe('officers’ texts are plain text', () => {
  it('strips controls and invisible characters from replies, public texts and reasons', () => {
    expect(parseActionInput('reply', { kind: 'progress', body: 'Interverremo\u0000 domani.\r\nGrazie\u202E', public: true })).toEqual({
      ok: true,
      value: { kind: 'progress', body: 'Interverremo domani.\nGrazie', public: true },
    });
    expect(parseActionInput('moderate_text', { decision: 'approve', publicTitle: 'Buca\u200B in via Roma', publicText: 'Testo\u2066 pubblico' })).toEqual({
      ok: true,
      value: { decision: 'approve', publicTitle: 'Buca in via Roma', publicText: 'Testo pubblico' },
    });
  });

  it.each([
    ['a reply of invisibles', 'reply', { kind: 'progress', body: '\u200B\u202E\u0000', public: true }, 'Risposta: obbligatorio.'],
    [
      'a public title of bidi controls',
      'moderate_text',
      { decision: 'approve', publicTitle: '\u202E\u202D\u2066\u2069\u200F\u200E' },
      'Titolo pubblico: almeno 5 caratteri visibili.',
    ],
    [
      'a rejection whose reason is two letters and zero-width spaces',
      'moderate_text',
      { decision: 'reject', reason: '\u200Bok\u200B\u200B' },
      'Motivo: obbligatorio quando si rifiuta (almeno 3 caratteri).',
    ],
    ['a reopening reason of NULs', 'reopen', { reason: '\u0000\u0000\u0000\u0000' }, 'Motivo della riapertura: almeno 3 caratteri visibili.'],
  ] as const)('refuses %s', (_name, action, raw, message) => {
    expect(parseActionInput(action, raw)).toEqual({ ok: false, errors: [expect.objectContaining({ message })] });
  });
});
