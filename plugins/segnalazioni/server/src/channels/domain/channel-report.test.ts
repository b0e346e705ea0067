import { FALLBACK_TITLES, NO_TEXT, addedToReport, firstReportFields, joinsLastReport, titleFrom } from './channel-report';

describe('reports made of chat messages', () => {
  it('titles a report with the first line of its first words, without hashtags', () => {
    expect(titleFrom('Buca enorme in via Italia\ndavanti al 14', 'whatsapp')).toBe('Buca enorme in via Italia');
    expect(titleFrom('#segnalaloaBiella Lampione spento in via Roma', 'facebook')).toBe('Lampione spento in via Roma');
    expect(titleFrom('Ehi', 'whatsapp')).toBe(FALLBACK_TITLES.whatsapp);
    expect(titleFrom(null, 'facebook')).toBe(FALLBACK_TITLES.facebook);
    const long = titleFrom('Sul marciapiede di via Italia, all’altezza della fermata dell’autobus, ci sono rifiuti ingombranti da giorni', 'whatsapp');
    expect(long.length).toBeLessThanOrEqual(81);
    expect(long).toBe('Sul marciapiede di via Italia, all’altezza della fermata dell’autobus, ci sono…');
  });

  it('counts visible characters for a title, and never cuts inside an emoji', () => {
    expect(titleFrom('Ehi! 👍', 'whatsapp')).toBe('Ehi! 👍');
    expect(titleFrom('è 👍', 'whatsapp')).toBe(FALLBACK_TITLES.whatsapp);
    const emoji = titleFrom('😀'.repeat(60), 'whatsapp');
    expect(emoji).toBe(`${'😀'.repeat(40)}…`);
    expect(firstReportFields('whatsapp', { text: '😀'.repeat(2500) }).description).toBe(`${'😀'.repeat(1999)}…`);
  });

  it('makes a report of a first message: words, a place, or neither yet', () => {
    expect(firstReportFields('whatsapp', { text: ' Cassonetto rotto ' })).toEqual({ title: 'Cassonetto rotto', description: 'Cassonetto rotto' });
    expect(firstReportFields('whatsapp', { latitude: 45.56, longitude: 8.05, address: 'Via Italia 14' })).toEqual({
      title: FALLBACK_TITLES.whatsapp,
      description: NO_TEXT,
      latitude: 45.56,
      longitude: 8.05,
      address: 'Via Italia 14',
    });
    expect(firstReportFields('whatsapp', { text: 'x'.repeat(5000) }).description).toHaveLength(4000);
  });

  it('adds later words to the description, and replaces the placeholders of a report that had none', () => {
    const report = { title: 'Cassonetto rotto', description: 'Cassonetto rotto' };
    expect(addedToReport('whatsapp', report, { text: 'in via Roma' })).toEqual({ description: 'Cassonetto rotto\n\nin via Roma' });
    const photoFirst = { title: FALLBACK_TITLES.whatsapp, description: NO_TEXT };
    expect(addedToReport('whatsapp', photoFirst, { text: 'Cassonetto rotto' })).toEqual({ title: 'Cassonetto rotto', description: 'Cassonetto rotto' });
    expect(addedToReport('whatsapp', report, { latitude: 1, longitude: 2, address: null })).toEqual({ latitude: 1, longitude: 2, address: null });
    expect(addedToReport('whatsapp', report, { text: '  ' })).toEqual({});
    expect(addedToReport('whatsapp', { ...report, description: 'y'.repeat(4000) }, { text: 'ancora' }).description).toHaveLength(4000);
  });

  describe('grouping', () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes));
    const window = 10 * 60 * 1000;

    it('joins the last report while it is submitted and the sender wrote within the window', () => {
      expect(joinsLastReport({ reportStatus: 'submitted', lastMessageAt: at(0) }, at(9), window)).toBe(true);
      expect(joinsLastReport({ reportStatus: 'submitted', lastMessageAt: at(0) }, at(10), window)).toBe(true);
    });

    it('joins a message delivered late, sent before the last one', () => {
      expect(joinsLastReport({ reportStatus: 'submitted', lastMessageAt: at(9) }, at(1), window)).toBe(true);
    });

    it('starts a new report after the window, once the report is taken in charge, or with no report yet', () => {
      expect(joinsLastReport({ reportStatus: 'submitted', lastMessageAt: at(0) }, at(11), window)).toBe(false);
      expect(joinsLastReport({ reportStatus: 'in_charge', lastMessageAt: at(0) }, at(1), window)).toBe(false);
      expect(joinsLastReport({ reportStatus: null, lastMessageAt: at(0) }, at(1), window)).toBe(false);
      expect(joinsLastReport(null, at(1), window)).toBe(false);
    });
  });
});
