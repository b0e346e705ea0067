import { parseIdempotencyKey, submissionFingerprint, submissionKey } from './idempotency-key';

describe('the Idempotency-Key header', () => {
  it('absent: no key', () => {
    expect(parseIdempotencyKey(undefined)).toEqual({ ok: true, value: null });
  });

  it.each(['8e03978e-40d5-43e8-bc93-6894a57f9324', '"8e03978e40d5"', 'abcdefgh', 'x'.repeat(128), 'chiave con spazi'])('a key: %s', (key) => {
    expect(parseIdempotencyKey(key)).toEqual({ ok: true, value: key });
  });

  it.each([
    ['empty', ''],
    ['too short', 'abc1234'],
    ['too long', 'x'.repeat(129)],
    ['not ASCII', 'chiavè-123'],
    ['control characters', 'abc\tdefgh'],
    ['repeated header', ['abcdefgh', 'abcdefgh']],
  ])('refused, in Italian: %s', (_, raw) => {
    const parsed = parseIdempotencyKey(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors).toEqual([{ path: 'idempotency-key', message: expect.stringContaining("L'intestazione Idempotency-Key deve essere") }]);
  });

  it("one citizen's key is not another's", () => {
    expect(submissionKey(7, 'abcdefgh')).not.toEqual(submissionKey(8, 'abcdefgh'));
  });
});

describe('the fingerprint of a submission', () => {
  const input = { title: 'Lampione spento', description: 'Spento da una settimana.', category: 'illuminazione', latitude: 45.1 };

  it('is the same for the same input in any key order, and for the same photos', () => {
    const reordered = { latitude: 45.1, category: 'illuminazione', description: 'Spento da una settimana.', title: 'Lampione spento' };
    expect(submissionFingerprint(reordered, ['a1', 'b2'])).toBe(submissionFingerprint(input, ['a1', 'b2']));
    expect(submissionFingerprint({ ...input, address: undefined }, ['a1', 'b2'])).toBe(submissionFingerprint(input, ['a1', 'b2']));
  });

  it('differs when a field, a photo or the photos’ order differs', () => {
    const base = submissionFingerprint(input, ['a1', 'b2']);
    expect(submissionFingerprint({ ...input, title: 'Lampione rotto' }, ['a1', 'b2'])).not.toBe(base);
    expect(submissionFingerprint(input, ['a1'])).not.toBe(base);
    expect(submissionFingerprint(input, ['b2', 'a1'])).not.toBe(base);
    expect(submissionFingerprint({ ...input, latitude: '45.1' }, ['a1', 'b2'])).not.toBe(base);
  });
});
