import { z } from 'zod';
import { toParsed } from './input-errors';

describe('input errors', () => {
  const schema = z.strictObject({
    title: z.string({ error: 'Titolo: deve essere un testo.' }),
    tags: z.array(z.string({ error: 'Etichetta: un testo.' })).optional(),
  });

  it('keeps the value of a valid input', () => {
    expect(toParsed(schema.safeParse({ title: 'Buca' }))).toEqual({ ok: true, value: { title: 'Buca' } });
  });

  it("ties each problem to its field, with the schema's message", () => {
    expect(toParsed(schema.safeParse({ title: 42, tags: ['a', 3] }))).toEqual({
      ok: false,
      errors: [
        { path: 'title', message: 'Titolo: deve essere un testo.' },
        { path: 'tags.1', message: 'Etichetta: un testo.' },
      ],
    });
  });

  it('names unknown keys in one Italian wording, for bodies and query strings alike', () => {
    expect(toParsed(schema.safeParse({ title: 'Buca', status: 'closed', reporter: 1 }))).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Campi non previsti: status, reporter.' }],
    });
  });

  it('places the problems under a prefix', () => {
    const parsed = toParsed(schema.safeParse({ title: null }), 'feed');
    expect(parsed).toEqual({ ok: false, errors: [{ path: 'feed.title', message: 'Titolo: deve essere un testo.' }] });
    expect(toParsed(z.string({ error: 'Chiave: un testo.' }).safeParse(1), 'idempotency-key')).toEqual({
      ok: false,
      errors: [{ path: 'idempotency-key', message: 'Chiave: un testo.' }],
    });
  });
});
