import { articleBeforeDay, articleOf, withArticle } from './italian';

describe('Italian articles', () => {
  it('joins a preposition to the article an office’s name takes', () => {
    expect(
      [
        ['da', 'Ufficio Strade'],
        ['da', 'Polizia Locale'],
        ['da', 'Servizio Ambiente'],
        ['da', 'Sportello Unico per l’Edilizia'],
        ['di', 'Direzione Lavori Pubblici'],
        ['a', 'URP'],
        ['in', 'Area Tecnica'],
        ['su', 'Settore Manutenzioni'],
        ['da', 'Zona Industriale'],
        ['da', 'Comando Vigili'],
        ['da', 'Unità di crisi'],
        ['da', 'Sistema Bibliotecario'],
      ].map(([preposition, name]) => withArticle(preposition as 'da', name)),
    ).toEqual([
      "dall'Ufficio Strade",
      'dalla Polizia Locale',
      'dal Servizio Ambiente',
      'dallo Sportello Unico per l’Edilizia',
      'della Direzione Lavori Pubblici',
      "all'URP",
      "nell'Area Tecnica",
      'sul Settore Manutenzioni',
      'dalla Zona Industriale',
      'dal Comando Vigili',
      "dall'Unità di crisi",
      'dal Sistema Bibliotecario',
    ]);
    // Plurals and feminine nouns in -e, as many offices are named.
    expect(
      [
        'Servizi Sociali',
        'Uffici Tecnici',
        'Politiche Sociali',
        'Gestione Rifiuti',
        'Centrale Unica di Committenza',
        'Lavori Pubblici',
        'Stato Civile',
        'Protezione Civile',
        'Tributi',
      ].map((name) => withArticle('da', name)),
    ).toEqual([
      'dai Servizi Sociali',
      'dagli Uffici Tecnici',
      'dalle Politiche Sociali',
      'dalla Gestione Rifiuti',
      'dalla Centrale Unica di Committenza',
      'dai Lavori Pubblici',
      'dallo Stato Civile',
      'dalla Protezione Civile',
      'dai Tributi',
    ]);
    expect(withArticle('di', 'Sportelli Unici')).toBe('degli Sportelli Unici');
    expect(articleOf('Psicologo')).toBe('lo');
    expect(articleOf('Gnomo')).toBe('lo');
    expect(articleOf('Psicologia')).toBe('la');
  });

  it('elides the article before a day said with a vowel: l’1, l’8, l’11', () => {
    const before = (article: string, date: string) => `${articleBeforeDay(article, date)}${articleBeforeDay(article, date).endsWith("'") ? '' : ' '}${date}`;
    expect(before('il', '1 dicembre 2026 alle ore 10:30')).toBe("l'1 dicembre 2026 alle ore 10:30");
    expect(before('dal', '8 marzo 2026')).toBe("dall'8 marzo 2026");
    expect(before('del', '11 aprile 2026')).toBe("dell'11 aprile 2026");
    expect(before('il', '18 maggio 2026')).toBe('il 18 maggio 2026');
    expect(before('il', '2 giugno 2026')).toBe('il 2 giugno 2026');
    expect(before('al', '1 luglio 2026')).toBe("all'1 luglio 2026");
  });
});
