import { parseActionInput } from './workflow-input';

describe('reassign: the triage of a report', () => {
  it('takes a category, an office, or both', () => {
    expect(parseActionInput('reassign', { category: 'rifiuti' })).toEqual({ ok: true, value: { category: 'rifiuti' } });
    expect(parseActionInput('reassign', { office: 'abc', note: 'di competenza del verde' })).toEqual({ ok: true, value: { office: 'abc', note: 'di competenza del verde' } });
    expect(parseActionInput('reassign', { office: 'abc', category: 'zone-verdi' }).ok).toBe(true);
  });

  it('refuses neither, and anything else', () => {
    expect(parseActionInput('reassign', { note: 'boh' })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/categoria, l'ufficio o entrambi/) }] });
    expect(parseActionInput('reassign', { category: '' }).ok).toBe(false);
    expect(parseActionInput('reassign', { category: 'rifiuti', status: 'closed' }).ok).toBe(false);
  });
});
