import { CITIZEN_TEMPLATES, DEFAULT_TEMPLATES, MAIL_WORDS, formatDateTime, renderMail, type TemplateName } from './mail-templates';

const letterhead = { municipality: 'Comune di Esempio', logoUrl: '' };

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('mail templates', () => {
  it.each(Object.keys(DEFAULT_TEMPLATES) as TemplateName[])('%s says the same things in Italian and English', (name) => {
    const { it: italian, en: english } = DEFAULT_TEMPLATES[name];
    expect(placeholders(english.subject + english.text)).toEqual(placeholders(italian.subject + italian.text));
  });

  it('has every word of the mail data in both languages', () => {
    // Both locales have every key (the type says so); each word must also be written.
    const words = (locale: 'it' | 'en'): [string, string][] => {
      const { uncategorised, photo, ...groups } = MAIL_WORDS[locale];
      return [
        ['uncategorised', uncategorised],
        ['photo', photo],
        ...Object.entries(groups).flatMap(([key, group]) => Object.entries<string>(group).map(([sub, word]): [string, string] => [`${key}.${sub}`, word])),
      ];
    };
    expect(words('en').map(([key]) => key)).toEqual(words('it').map(([key]) => key));
    for (const [, word] of [...words('it'), ...words('en')]) expect(word.trim()).not.toBe('');
    expect(renderMail('report-text-moderated', { reference: 'R', decision: MAIL_WORDS.en.textDecision.approve }, 'en', letterhead).subject).toBe(
      'Report R: text approved – Comune di Esempio',
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
      letterhead,
    );
    expect(mail.subject).toBe('Segnalazione ABCD-1234: ricevuta – Comune di Esempio');
    expect(mail.text).toContain('Gentile Anna Neri,');
    expect(mail.text).not.toContain('{{');
    expect(mail.text).not.toContain('La presa in carico è prevista entro');
  });

  it('keeps the subject on one line and escapes the HTML part', () => {
    const mail = renderMail('report-received', { reference: 'R', title: 'Riga uno\nriga due <b>', description: '<script>x</script>' }, 'it', letterhead);
    expect(mail.subject).toBe('Segnalazione R: nuova, «Riga uno riga due <b>» – Comune di Esempio');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('shows its links as buttons in the HTML part', () => {
    const mail = renderMail(
      'account-confirmation',
      { confirmationUrl: 'http://sportello.test/api/auth/email-confirmation?confirmation=abc&x=1' },
      'en',
      letterhead,
    );
    expect(mail.text).toContain('Activate the account: http://sportello.test/api/auth/email-confirmation?confirmation=abc&x=1');
    expect(mail.html).toMatch(
      /<a href="http:\/\/sportello\.test\/api\/auth\/email-confirmation\?confirmation=abc&amp;x=1" style="[^"]+">Activate the account<\/a>/,
    );
  });

  it('tells how long the reset link works, and links it', () => {
    const mail = renderMail(
      'password-reset',
      { firstName: 'Anna', lastName: 'Neri', resetUrl: 'http://sportello.test/sportello/reimposta-password?code=ab', validMinutes: 60 },
      'it',
      letterhead,
    );
    expect(mail.subject).toBe('Reimposta la password dello Sportello Segnalazioni – Comune di Esempio');
    expect(mail.text).toContain('entro 60 minuti');
    expect(mail.html).toContain('<a href="http://sportello.test/sportello/reimposta-password?code=ab"');
  });

  it('takes a municipality override of subject or text, per locale', () => {
    const overrides = { 'report-receipt': { it: { subject: 'Comune di Biella: ricevuta {{reference}}' } } };
    expect(renderMail('report-receipt', { reference: 'X' }, 'it', letterhead, overrides).subject).toBe('Comune di Biella: ricevuta X');
    expect(renderMail('report-receipt', { reference: 'X' }, 'en', letterhead, overrides).subject).toBe('Report X: received – Comune di Esempio');
  });

  it('formats dates in Rome time, in the reader’s language', () => {
    expect(formatDateTime('2026-11-23T13:05:00Z', 'it')).toBe('23 novembre 2026 alle ore 14:05');
    expect(formatDateTime('2026-07-01T08:00:00Z', 'en')).toBe('1 July 2026 at 10:00');
    expect(formatDateTime(null, 'it')).toBe('');
  });
});

/** A template's placeholders, and the report's, which its common parts (subject, facts) name. */
const keysOf = (name: TemplateName) => [
  ...new Set([
    ...placeholders(DEFAULT_TEMPLATES[name].it.subject + DEFAULT_TEMPLATES[name].it.text),
    'reference',
    'protocolNumber',
    'title',
    'category',
    'address',
  ]),
];

describe('mail templates, proofread', () => {
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
      const { subject, text } = renderMail(name as TemplateName, sample(keysOf(name as TemplateName), locale, office), locale, letterhead);
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
      letterhead,
    );
    expect(mail.text).toContain("è stata chiusa l'8 dicembre 2026 alle ore 10:30 dall'Ufficio Strade");
    expect(mail.text).toContain('Segnalazione: Buca chiusa da Ufficio Strade il 8 dicembre');
  });
});

describe('mail templates, both parts', () => {
  const withLogo = { municipality: 'Città di Biella', logoUrl: 'https://www.comune.biella.it/stemma.png' };
  const sample = (name: TemplateName, locale: 'it' | 'en') =>
    Object.fromEntries(
      keysOf(name).map((key) => {
        if (key === 'office') return [key, 'Ufficio Strade'];
        if (key === 'photoLinks') return [key, 'Foto 1: https://segnala.example.it/uploads/a.jpg?s=1\nFoto 2: https://segnala.example.it/uploads/b.jpg?s=2'];
        if (/Url$/.test(key)) return [key, `https://segnala.example.it/${key}?a=1&b=2`];
        if (/At$|^due$/.test(key)) return [key, formatDateTime(new Date(Date.UTC(2026, 11, 2, 9, 30)), locale)];
        if (key === 'protocolNumber') return [key, '2026/000042'];
        if (key === 'reference') return [key, 'K7QM-3XPA'];
        if (key === 'title') return [key, 'Buca: vedi https://truffa.example.com/premio'];
        return [key, `${key}-sample`];
      }),
    );
  const templates = Object.keys(DEFAULT_TEMPLATES) as TemplateName[];
  const reportTemplates = templates.filter((name) => !name.startsWith('account-') && name !== 'password-reset');

  it.each(templates.flatMap((name) => (['it', 'en'] as const).map((locale) => [name, locale] as const)))(
    '%s (%s) has a text part and an HTML part',
    (name, locale) => {
      const data = { ...sample(name, locale), officePhone: '015 3507 1', officeEmail: 'strade@comune.biella.it' };
      const mail = renderMail(name, data, locale, withLogo);
      // The text part: plain text, signed by the Sportello of the municipality.
      expect(mail.text).not.toMatch(/<[a-z]/i);
      expect(mail.text).toMatch(/\n-- \n(.+\n)*Sportello Segnalazioni – Città di Biella\n$/);
      // The HTML part: the letterhead, each of our links a link, none of them shown as a bare address.
      expect(mail.html).toContain(`<html lang="${locale}">`);
      expect(mail.html).toContain('<img src="https://www.comune.biella.it/stemma.png"');
      expect(mail.html).toContain('Città di Biella');
      for (const [key, value] of Object.entries(data)) {
        if (!/(Url|Links)$/.test(key) || key === 'commentMediaUrl') continue;
        for (const url of String(value).match(/https:\/\/\S+/g) ?? []) expect(mail.html).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
      }
      expect(mail.html).not.toMatch(/>https?:\/\//);
      // What a citizen or a relaying client wrote never becomes a link of ours.
      expect(mail.html).not.toContain('href="https://truffa.example.com');
      expect(mail.html).not.toContain('href="https://segnala.example.it/commentMediaUrl');
      // Both parts say the same words.
      const words = (text: string) =>
        text
          .replace(/<[^>]+>/g, ' ')
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .match(/[\p{L}\d]{4,}/gu) ?? [];
      const htmlWords = new Set(words(mail.html));
      const missing = words(mail.text.replace(/https?:\/\/\S+/g, '')).filter((word) => !htmlWords.has(word));
      expect(missing).toEqual([]);
    },
  );

  it.each(reportTemplates)('%s names the report by its protocol number once it has one, else by its reference, and the municipality', (name) => {
    const data = sample(name, 'it');
    expect(renderMail(name, data, 'it', withLogo).subject).toMatch(/^Segnalazione 2026\/000042: .+ – Città di Biella$/);
    expect(renderMail(name, data, 'en', withLogo).subject).toMatch(/^Report 2026\/000042: .+ – Città di Biella$/);
    expect(renderMail(name, { ...data, protocolNumber: '' }, 'it', withLogo).subject).toMatch(/^Segnalazione K7QM-3XPA: .+ – Città di Biella$/);
  });

  it('signs a citizen’s mail with the office and its contacts, and gives the report’s facts', () => {
    const mail = renderMail(
      'report-taken-in-charge',
      {
        office: 'Ufficio Strade',
        officePhone: '015 3507 1',
        officeEmail: 'strade@comune.biella.it',
        title: 'Buca',
        reference: 'K7QM-3XPA',
        protocolNumber: '2026/000042',
        category: 'Strade',
        address: 'Via Italia 1',
      },
      'it',
      withLogo,
    );
    expect(mail.text).toContain('Segnalazione: Buca\nRiferimento: K7QM-3XPA\nProtocollo: 2026/000042\nCategoria: Strade\nLuogo: Via Italia 1');
    expect(mail.text.endsWith('-- \nUfficio Strade\nTel. 015 3507 1 · strade@comune.biella.it\nSportello Segnalazioni – Città di Biella\n')).toBe(true);
    expect(mail.html).toMatch(/<th scope="row"[^>]*>Protocollo<\/th><td[^>]*>2026\/000042<\/td>/);
    expect(mail.text).toContain("dall'Ufficio Strade");
    // An office's mail is signed by the Sportello alone; without a logo, the name heads the mail.
    const office = renderMail('report-received', { office: 'Ufficio Strade', reference: 'R', title: 'T' }, 'it', {
      municipality: 'Comune di Esempio',
      logoUrl: '',
    });
    expect(office.text.endsWith('-- \nSportello Segnalazioni – Comune di Esempio\n')).toBe(true);
    expect(office.html).not.toContain('<img');
  });

  it('joins the municipality’s name as Italian does', () => {
    expect(renderMail('account-confirmation', {}, 'it', withLogo).text).toContain('allo Sportello Segnalazioni della Città di Biella.');
    expect(renderMail('account-confirmation', {}, 'it', letterhead).text).toContain('allo Sportello Segnalazioni del Comune di Esempio.');
  });

  it('keeps every citizen mail about a report to the facts block and a link', () => {
    for (const name of CITIZEN_TEMPLATES) expect([name, DEFAULT_TEMPLATES[name].it.text.includes('{{reportFacts}}')]).toEqual([name, true]);
  });
});
