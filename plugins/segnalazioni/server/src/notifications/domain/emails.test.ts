import { invalidEmails, isEmail, parseEmailList } from './emails';

describe('office email lists', () => {
  it('split on commas, semicolons and lines, lower-cased and without repeats', () => {
    expect(parseEmailList('Strade@Comune.it, urp@comune.it;\nurp@comune.it\n  polizia@comune.it ')).toEqual([
      'strade@comune.it',
      'urp@comune.it',
      'polizia@comune.it',
    ]);
    expect(parseEmailList('')).toEqual([]);
    expect(parseEmailList(null)).toEqual([]);
  });

  it('name what is not an address', () => {
    expect(invalidEmails('strade@comune.it, ufficio strade, a@b')).toEqual(['ufficio', 'strade', 'a@b']);
    expect(isEmail('nome.cognome@comune.biella.it')).toBe(true);
    expect(isEmail('nome@@comune.it')).toBe(false);
  });
});
