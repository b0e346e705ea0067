import type { Aggregate, Statistics } from './statistics';
import { monthLabel, statisticsCsv } from './statistics-export';

const aggregate = (total: number, closed: number): Aggregate => ({
  total,
  byStatus: { submitted: 1, in_charge: 0, in_progress: total - closed - 1, closed, rejected: 0 },
  medianHours: { takeInCharge: 3.5, firstAnswer: 40, close: null },
  withinServiceLevel: { takeInCharge: 0.75, firstAnswer: 1, close: null },
});

describe('the staff figures as people keep them', () => {
  it('names months', () => {
    expect(monthLabel('2026-12', 'it')).toBe('dicembre 2026');
    expect(monthLabel('2026-01', 'en')).toBe('January 2026');
    expect(monthLabel('2026-12', 'it', { short: true })).toBe('dic 26');
    expect(monthLabel('not-a-month', 'it')).toBe('not-a-month');
  });

  it('writes one CSV row per total, category, office and month, names quoted and formulas defused', () => {
    const data: Statistics = {
      ...aggregate(10, 4),
      byCategory: [{ ...aggregate(6, 2), slug: 'rifiuti', name: 'Rifiuti, abbandono' }],
      byOffice: [{ ...aggregate(10, 4), name: '=Ufficio Ambiente' }],
      byMonth: [{ ...aggregate(10, 4), month: '2026-11' }],
    };
    const lines = statisticsCsv(data, 'it').split('\r\n');
    expect(lines).toEqual([
      'gruppo,nome,segnalazioni,aperte,chiuse,mediana ore presa in carico,mediana ore prima risposta,mediana ore chiusura,quota presa in carico entro i tempi,quota prima risposta entro i tempi,quota chiusura entro i tempi',
      'totale,,10,6,4,3.5,40,,0.75,1,',
      'categoria,"Rifiuti, abbandono",6,4,2,3.5,40,,0.75,1,',
      "ufficio,'=Ufficio Ambiente,10,6,4,3.5,40,,0.75,1,",
      'mese,novembre 2026,10,6,4,3.5,40,,0.75,1,',
      '',
    ]);
    expect(statisticsCsv(data, 'en').split('\r\n')[4]).toBe('month,November 2026,10,6,4,3.5,40,,0.75,1,');
  });
});
