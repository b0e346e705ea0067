import { DEFAULT_TEMPLATES, MAIL_WORDS, formatDateTime, renderMail, type TemplateName } from './mail-templates';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('mail templates', () => {
  it.each(Object.keys(DEFAULT_TEMPLATES) as TemplateName[])('%s says the same things in Italian and English', (name) => {
    const { it: italian, en: english } = DEFAULT_TEMPLATES[name];
    expect(placeholders(english.subject + english.text)).toEqual(placeholders(italian.subject + italian.text));
  });

  it('has every word of the mail data in both languages', () => {
    // Both locales have every key (the type says so); each word must also be written.
    const words = (locale: 'it' | 'en'): [string, string][] => {
      const { uncategorised, ...groups } = MAIL_WORDS[locale];
      return [
        ['uncategorised', uncategorised],
        ...Object.entries(groups).flatMap(([key, group]) => Object.entries<string>(group).map(([sub, word]): [string, string] => [`${key}.${sub}`, word])),
      ];
    };
    expect(words('en').map(([key]) => key)).toEqual(words('it').map(([key]) => key));
    for (const [, word] of [...words('it'), ...words('en')]) expect(word.trim()).not.toBe('');
    expect(renderMail('report-text-moderated', { reference: 'R', decision: MAIL_WORDS.en.textDecision.approve }, 'en').subject).toBe(
      'The text of your report R was approved',
    );
  });

  it('fills placeholders and leaves out lines whose values are all empty', () => {
    const mail = renderMail(
      'report-receipt',
      {
        firstName: 'Anna',
        lastName: 'Neri',
        title: 'Buca',
        category: 'Strade',
        reference: 'ABCD-1234',
        submittedAt: '1 gennaio',
        office: 'URP',
        myReportUrl: 'http://x/1',
      },
      'it',
    );
    expect(mail.subject).toBe('Abbiamo ricevuto la tua segnalazione [ABCD-1234]');
    expect(mail.text).toContain('Gentile Anna Neri,');
    expect(mail.text).not.toContain('{{');
    expect(mail.text).not.toContain('La presa in carico è prevista entro');
  });

  it('keeps the subject on one line and escapes the HTML part', () => {
    const mail = renderMail('report-received', { reference: 'R', title: 'Riga uno\nriga due <b>', description: '<script>x</script>' }, 'it');
    expect(mail.subject).toBe('Nuova segnalazione [R]: Riga uno riga due <b>');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('links URLs in the HTML part', () => {
    const mail = renderMail('account-confirmation', { confirmationUrl: 'http://sportello.test/api/auth/email-confirmation?confirmation=abc' }, 'en');
    expect(mail.html).toContain('<a href="http://sportello.test/api/auth/email-confirmation?confirmation=abc">');
  });

  it('tells how long the reset link works, and links it', () => {
    const mail = renderMail(
      'password-reset',
      { firstName: 'Anna', lastName: 'Neri', resetUrl: 'http://sportello.test/sportello/reimposta-password?code=ab', validMinutes: 60 },
      'it',
    );
    expect(mail.subject).toBe('Reimposta la password dello Sportello Segnalazioni');
    expect(mail.text).toContain('entro 60 minuti');
    expect(mail.html).toContain('<a href="http://sportello.test/sportello/reimposta-password?code=ab">');
  });

  it('takes a municipality override of subject or text, per locale', () => {
    const overrides = { 'report-receipt': { it: { subject: 'Comune di Biella: ricevuta {{reference}}' } } };
    expect(renderMail('report-receipt', { reference: 'X' }, 'it', overrides).subject).toBe('Comune di Biella: ricevuta X');
    expect(renderMail('report-receipt', { reference: 'X' }, 'en', overrides).subject).toBe('We received your report [X]');
  });

  it('formats dates in Rome time, in the reader’s language', () => {
    expect(formatDateTime('2026-11-23T13:05:00Z', 'it')).toBe('23 novembre 2026 alle ore 14:05');
    expect(formatDateTime('2026-07-01T08:00:00Z', 'en')).toBe('1 July 2026 at 10:00');
    expect(formatDateTime(null, 'it')).toBe('');
  });
});

describe('mail templates, proofread', () => {
  const keysOf = (name: TemplateName) => placeholders(DEFAULT_TEMPLATES[name].it.subject + DEFAULT_TEMPLATES[name].it.text);
  /** Sample data as the mails carry it: each date on a day said with a vowel (the 1st), an office by its name. */
  const sample = (keys: readonly string[], locale: 'it' | 'en', office: string) =>
    Object.fromEntries(
      keys.map((key, index) => {
        if (key === 'office') return [key, office];
        if (/At$|^due$|^handledFrom$/.test(key)) return [key, formatDateTime(new Date(Date.UTC(2026, 11, 1, 9, 30)), locale)];
        if (/Url$|Links?$/.test(key)) return [key, `https://segnala.comune.example.it/${key}`];
        if (/Count$|Number$|Minutes$/.test(key)) return [key, index + 2];
        return [key, `${key}-${index}`];
      }),
    );
  /** Sentences said twice in one mail (ten characters or more). */
  const repeated = (text: string) => {
    const sentences = text
      .split(/(?<=[.!?])\s+|\n+/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.length >= 10);
    return sentences.filter((sentence, index) => sentences.indexOf(sentence) !== index);
  };

  it.each(
    (Object.keys(DEFAULT_TEMPLATES) as TemplateName[]).flatMap((name) =>
      ['Ufficio Strade', 'Polizia Locale', 'Servizio Ambiente'].map((office) => [name, office]),
    ),
  )('%s (%s) reads as a native editor would write it, in both languages', (name, office) => {
    for (const locale of ['it', 'en'] as const) {
      const { subject, text } = renderMail(name as TemplateName, sample(keysOf(name as TemplateName), locale, office), locale);
      const mail = `${subject}\n${text}`;
      expect([locale, mail.match(/\{\{|\}\}/g)]).toEqual([locale, null]);
      expect([locale, mail.match(/ [,.;:](?!\d)/g)]).toEqual([locale, null]);
      expect([locale, mail.match(/\S {2,}\S/g)]).toEqual([locale, null]);
      expect([locale, repeated(text)]).toEqual([locale, []]);
      if (locale === 'it') {
        // "l'1 dicembre", never "il 1 dicembre"; "dall'Ufficio", "dalla Polizia", never "da Ufficio".
        expect(mail.match(/\b(il|dal|del|al|nel|sul) (1|8|11) [a-z]/g)).toBeNull();
        expect(mail.match(new RegExp(`\\b(da|di|a|in|su) ${office}`, 'g'))).toBeNull();
        // A citizen is not taken to be a man or a woman.
        expect(mail.match(/\b(registrato|registrata|stato tu|stata tu|benvenut[oa]|sicur[oa] di)\b/g)).toBeNull();
      }
    }
  });

  it('joins the office and the day as Italian does, and leaves a citizen’s words alone', () => {
    const mail = renderMail(
      'report-closed',
      {
        office: 'Ufficio Strade',
        closedAt: formatDateTime(new Date(Date.UTC(2026, 11, 8, 9, 30)), 'it'),
        title: 'Buca chiusa da Ufficio Strade il 8 dicembre',
        reply: 'x',
      },
      'it',
    );
    expect(mail.text).toContain("è stata chiusa l'8 dicembre 2026 alle ore 10:30 dall'Ufficio Strade");
    expect(mail.text).toContain('"Buca chiusa da Ufficio Strade il 8 dicembre"');
  });
});
