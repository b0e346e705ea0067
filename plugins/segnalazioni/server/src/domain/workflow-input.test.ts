import { parseActionInput } from './workflow-input';

describe('reassign: the triage of a report', () => {
  /** A document id as Strapi makes them. */
  const OFFICE = 'k3j9x2m4n5p6q7r8s9t0u1v2';

  it('takes a category, an office, or both', () => {
    expect(parseActionInput('reassign', { category: 'rifiuti' })).toEqual({ ok: true, value: { category: 'rifiuti' } });
    expect(parseActionInput('reassign', { office: OFFICE, note: 'di competenza del verde' })).toEqual({ ok: true, value: { office: OFFICE, note: 'di competenza del verde' } });
    expect(parseActionInput('reassign', { office: OFFICE, category: 'zone-verdi' }).ok).toBe(true);
  });

  it('refuses neither, and anything else', () => {
    expect(parseActionInput('reassign', { note: 'boh' })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/categoria, l'ufficio o entrambi/) }] });
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
    ['a public title of bidi controls', 'moderate_text', { decision: 'approve', publicTitle: '\u202E\u202D\u2066\u2069\u200F\u200E' }, 'Titolo pubblico: almeno 5 caratteri visibili.'],
    ['a rejection whose reason is two letters and zero-width spaces', 'moderate_text', { decision: 'reject', reason: '\u200Bok\u200B\u200B' }, 'Motivo: obbligatorio quando si rifiuta (almeno 3 caratteri).'],
    ['a reopening reason of NULs', 'reopen', { reason: '\u0000\u0000\u0000\u0000' }, 'Motivo della riapertura: almeno 3 caratteri visibili.'],
  ] as const)('refuses %s', (_name, action, raw, message) => {
    expect(parseActionInput(action, raw)).toEqual({ ok: false, errors: [expect.objectContaining({ message })] });
  });
});
