import english from './translations/en.json';
import italian from './translations/it.json';

describe('panel translations', () => {
  it('have the same keys in Italian and English', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(italian).sort());
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(italian) as (keyof typeof italian)[]) {
      expect([key, placeholders(english[key])]).toEqual([key, placeholders(italian[key])]);
    }
  });
});
