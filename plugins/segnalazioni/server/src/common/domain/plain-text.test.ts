import { leading, plainText, textField, truncate, visibleLength } from './plain-text';

const line = (text: string) => plainText(text, 'line');
const lines = (text: string) => plainText(text, 'lines');
const codePoints = (text: string) => Array.from(text).map((char) => char.codePointAt(0)?.toString(16));

describe('plain text: what a reader sees is what is kept', () => {
  it('keeps ordinary Italian text as it is', () => {
    expect(line('Buca in via Giuseppe Garibaldi, 14 — è pericolosa!')).toBe('Buca in via Giuseppe Garibaldi, 14 — è pericolosa!');
    expect(lines('Città: perché? Più “virgolette” e l’apostrofo.\n\tRiga due.')).toBe('Città: perché? Più “virgolette” e l’apostrofo.\n\tRiga due.');
  });

  it('composes a letter and its combining accent into one (NFC)', () => {
    const decomposed = 'citta\u0300 perche\u0301';
    expect(line(decomposed)).toBe('città perché');
    expect(line(decomposed)).toHaveLength('città perché'.length);
    // an invisible character between the letter and its accent does not keep them apart
    expect(line('citta\u200B\u0300')).toBe('città');
  });

  it('removes NUL, the other C0 and C1 controls and DEL', () => {
    expect(line('Buca\u0000 in\u0007 via\u001B[31m Roma\u007F\u0080\u009F')).toBe('Buca in via[31m Roma');
    expect(lines('uno\u0000\ndue')).toBe('uno\ndue');
  });

  it('keeps line breaks and tabs only where a text has lines, with \\r\\n as \\n', () => {
    expect(lines('uno\r\ndue\rtre\u2028quattro\u0085cinque')).toBe('uno\ndue\ntre\nquattro\ncinque');
    expect(line('Buca\r\nin\tvia\n\nRoma')).toBe('Buca in via Roma');
  });

  it('removes lone surrogates and keeps whole pairs', () => {
    expect(line('Buca \uD83D in via \uDE00Roma')).toBe('Buca in via Roma');
    expect(line('Buca 😀')).toBe('Buca 😀');
  });

  it('removes zero-width characters, BOM, soft hyphen, word joiner and Hangul fillers', () => {
    expect(line('\uFEFFBu\u200Bca\u00AD in\u2060 via\u3164 Roma\u180E\u034F')).toBe('Buca in via Roma');
    expect(line('\u200B\u200C\u200D\u2060\uFEFF')).toBe('');
  });

  it('removes every bidi control: the right-to-left override trick does not survive', () => {
    expect(line('foto\u202Egpj.exe')).toBe('fotogpj.exe');
    expect(line('\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C')).toBe('');
    expect(line('Via \u2067Roma\u2069 14')).toBe('Via Roma 14');
  });

  it('keeps Arabic and Hebrew text, its marks, and the ZWNJ of Persian words', () => {
    expect(line('حفرة في الشارع')).toBe('حفرة في الشارع');
    expect(line('בּוֹר בַּכְּבִישׁ')).toBe('בּוֹר בַּכְּבִישׁ'.normalize('NFC'));
    expect(line('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(line('क्\u200Dष')).toBe('क्\u200Dष');
    // but not a joiner between Latin letters, or at the edge of a word
    expect(line('Bu\u200Dca \u200Cvia')).toBe('Buca via');
  });

  it('keeps emoji, their skin tones, presentation selectors and ZWJ sequences whole', () => {
    for (const emoji of ['👩‍💻', '👨‍👩‍👧', '👩🏽‍💻', '❤️', '❤️‍🔥', '🏳️‍🌈', '🧑‍🦰', '🇮🇹', '1️⃣', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
      expect(codePoints(line(`Buca ${emoji} qui`))).toEqual(codePoints(`Buca ${emoji} qui`));
    }
  });

  it('removes a joiner or selector that joins nothing, and tag characters that hide text', () => {
    expect(line('\u200D👍')).toBe('👍');
    expect(line('\uFE0F Buca')).toBe('Buca');
    // "hidden" in tag characters, as used to smuggle instructions past a reader
    const hidden = Array.from('hidden', (char) => String.fromCodePoint(0xe0000 + char.charCodeAt(0))).join('');
    expect(line(`Buca${hidden} in via Roma`)).toBe('Buca in via Roma');
    expect(line(`🏴${hidden}`)).toBe('🏴');
  });

  it('turns other spaces into plain ones and a one-line text into single spaces', () => {
    expect(line('Via\u00A0Roma\u2009\u2009\u3000 14')).toBe('Via Roma 14');
    expect(lines('uno\u00A0 due')).toBe('uno  due');
    expect(line('   Buca   ')).toBe('Buca');
  });
});

describe('visible length', () => {
  it('counts what a reader sees', () => {
    expect(visibleLength('città')).toBe(5);
    expect(visibleLength('citta\u0300')).toBe(5);
    expect(visibleLength('👨‍👩‍👧 ok')).toBe(3);
    expect(visibleLength('   \n\t')).toBe(0);
    expect(visibleLength('\u0301\u0301\u0301')).toBe(0);
    expect(visibleLength('\uE000\uE001')).toBe(0);
    expect(visibleLength('🇮🇹🇫🇷')).toBe(2);
    expect(visibleLength('👩🏽‍💻 1️⃣ ©')).toBe(3);
    expect(visibleLength('می\u200Cخواهم')).toBe(7);
  });

  it('takes linear time: a text of 200,000 characters in well under a second', () => {
    const long = 'buca\n'.repeat(40_000);
    const started = Date.now();
    expect(visibleLength(plainText(long, 'lines'))).toBe(160_000);
    expect(truncate(long, 4000)).toHaveLength(4000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('truncate', () => {
  it('cuts at a character and ends with an ellipsis within the limit', () => {
    expect(truncate('Buca in via Roma', 100)).toBe('Buca in via Roma');
    expect(truncate('Buca in via Roma', 8)).toBe('Buca in…');
    const cut = truncate('ab😀😀😀', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(truncate('ab👩‍💻cd', 7)).toBe('ab…');
  });

  it('takes the longest start that ends between two characters', () => {
    expect(leading('ab😀cd', 3)).toBe('ab');
    expect(leading('ab😀cd', 4)).toBe('ab😀');
    expect(leading('città', 10)).toBe('città');
    expect(leading('ab👩‍💻cd', 6)).toBe('ab');
    expect(leading('ab👩🏽x', 4)).toBe('ab');
    expect(leading('e\u0301\u0301x', 2)).toBe('');
    expect(leading('🇮🇹🇫🇷', 6)).toBe('🇮🇹');
    expect(leading('a🇮🇹🇫🇷', 7)).toBe('a🇮🇹');
    expect(leading('a🇮🇹🇫🇷', 9)).toBe('a🇮🇹🇫🇷');
  });
});

describe('a text field', () => {
  const title = textField('Titolo', { min: 5, max: 120, shape: 'line' });

  it('stores the plain text', () => {
    expect(title.parse(' Buca\u0000 in via\u202E Roma ')).toBe('Buca in via Roma');
  });

  it.each([
    ['only zero-width characters', '\u200B\u200B\u200B\u200B\u200B\u200B'],
    ['only bidi controls', '\u202E\u202E\u202D\u2066\u2069\u200F'],
    ['four letters hidden among invisibles', '\u200BB\u200Bu\u200Bc\u200Ba\u200B'],
    ['NUL characters', '\u0000\u0000\u0000\u0000\u0000\u0000'],
    ['combining marks on nothing', '\u0301\u0301\u0301\u0301\u0301\u0301'],
  ])('refuses %s with a clear message', (_name, raw) => {
    const result = title.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Titolo: almeno 5 caratteri visibili.']);
  });

  it('measures the maximum on what remains', () => {
    expect(title.safeParse(`${'a'.repeat(120)}${'\u200B'.repeat(500)}`).success).toBe(true);
    expect(title.safeParse('a'.repeat(121)).error?.issues[0].message).toBe('Titolo: al massimo 120 caratteri.');
  });

  it('says so when it is not a string', () => {
    expect(title.safeParse(42).error?.issues[0].message).toBe('Titolo: deve essere un testo.');
  });

  it('has a message of its own when asked, and a singular for one character', () => {
    expect(textField('Risposta', { min: 1, max: 10, shape: 'lines', tooShort: 'Risposta: obbligatorio.' }).safeParse('\u200B').error?.issues[0].message).toBe(
      'Risposta: obbligatorio.',
    );
    expect(textField('Nota', { min: 1, max: 10, shape: 'lines' }).safeParse(' ').error?.issues[0].message).toBe('Nota: almeno 1 carattere visibile.');
  });
});
