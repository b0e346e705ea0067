import { allowedOrigins } from './origins';

describe('allowed CORS origins', () => {
  it('keeps the public address and the listed sites, as origins', () => {
    expect(allowedOrigins('https://segnalazioni.comune.example.it/', ['https://www.comune.example.it/notizie', ' http://localhost:3000 '])).toEqual([
      'https://segnalazioni.comune.example.it',
      'https://www.comune.example.it',
      'http://localhost:3000',
    ]);
  });

  it('lists each origin once and ignores empty entries', () => {
    expect(allowedOrigins('https://a.example.it', ['', 'https://a.example.it/x'])).toEqual(['https://a.example.it']);
  });

  it('refuses a wildcard and what is not a web address', () => {
    expect(() => allowedOrigins('https://a.example.it', ['*'])).toThrow(/not "\*"/);
    expect(() => allowedOrigins('https://a.example.it', ['www.comune.it'])).toThrow(/not an address/);
    expect(() => allowedOrigins('https://a.example.it', ['ftp://files.example.it'])).toThrow(/https:\/\//);
  });
});
