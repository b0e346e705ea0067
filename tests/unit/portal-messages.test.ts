import fs from 'fs';
import path from 'path';
import { en } from '../../portal/src/i18n/en';
import { it as italian } from '../../portal/src/i18n/it';

/** The portal's catalogues: Italian is the source, English says the same things with the same blanks. */
describe('portal messages', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('have the same keys in Italian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(italian).sort());
  });

  it('keep the same placeholders in both languages, and no empty message', () => {
    for (const key of Object.keys(italian) as (keyof typeof italian)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(italian[key])]);
      expect([key, en[key].trim().length > 0]).toEqual([key, true]);
    }
  });

  it('name, in the page frame, only keys the catalogue has', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../portal/index.html'), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)].map((match) => match[1]);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((key) => !(key in italian))).toEqual([]);
  });
});
