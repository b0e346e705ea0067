import { createId } from '@paralleldrive/cuid2';
import { isDocumentId } from './ids';

describe('isDocumentId', () => {
  it('accepts what Strapi generates', () => {
    for (let i = 0; i < 200; i += 1) expect(isDocumentId(createId())).toBe(true);
    expect(isDocumentId('tz4a98xxat96iws9zmbrgj3a')).toBe(true);
  });

  it.each([
    ['too short', 'tz4a98xxat96iws9zmbrgj3'],
    ['too long', 'tz4a98xxat96iws9zmbrgj3ab'],
    ['upper case', 'Tz4a98xxat96iws9zmbrgj3a'],
    ['a leading digit', '1z4a98xxat96iws9zmbrgj3a'],
    ['a hyphen', 'tz4a98xx-t96iws9zmbrgj3a'],
    ['a trailing newline', 'tz4a98xxat96iws9zmbrgj3a\n'],
    ['a numeric id', '42'],
    ['empty', ''],
    ['900 kB', 'a'.repeat(900_000)],
  ])('refuses %s', (_label, value) => {
    expect(isDocumentId(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, ['tz4a98xxat96iws9zmbrgj3a'], { id: 'tz4a98xxat96iws9zmbrgj3a' }]) expect(isDocumentId(value)).toBe(false);
  });
});
