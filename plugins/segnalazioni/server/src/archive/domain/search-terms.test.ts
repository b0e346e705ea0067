import { foldAccents, searchDocument, searchWords, toFts5Query, toTsQuery } from './search-terms';

describe('search terms', () => {
  it('fold accents and case', () => {
    expect(foldAccents('Perché LÌ c’è un’auto?')).toBe('perche li c’e un’auto?');
  });

  it('split a query into distinct words, without operators a user could inject', () => {
    expect(searchWords('  Cassonett   pieno, cassonett! ')).toEqual(['cassonett', 'pieno']);
    expect(searchWords('a:* | b & !c "d"')).toEqual(['a', 'b', 'c', 'd']);
    expect(searchWords('***')).toEqual([]);
  });

  it('require every word: by its stem on PostgreSQL, as a prefix on SQLite', () => {
    expect(toTsQuery(['cassonett', 'pieno'])).toBe('cassonett & pieno');
    expect(toFts5Query(['cassonett', 'pieno'])).toBe('"cassonett"* AND "pieno"*');
  });

  it('index only the public words', () => {
    expect(searchDocument(['Città', null, 'Testo pubblico'])).toBe('citta \ntesto pubblico');
  });
});
