import { isLongEnoughPassword } from './password';

describe('citizen passwords', () => {
  it('need at least 8 characters, counted as typed', () => {
    expect(isLongEnoughPassword('Segna26!')).toBe(true);
    expect(isLongEnoughPassword('Segna26')).toBe(false);
    expect(isLongEnoughPassword('😀😀😀😀')).toBe(false);
    expect(isLongEnoughPassword('perché!!')).toBe(true);
  });
});
