import { digestData, isGrouped } from './mail-grouping';
import { renderMail } from './mail-templates';
import { renderChannelText } from '../../channels/domain/channel-texts';

describe('grouped moderation and publication messages', () => {
  const base = { firstName: 'Nora', lastName: 'Conti', title: 'Buca', reference: 'K7QM-3XPA', office: 'Polizia Locale', myReportUrl: 'http://x/mie' };

  it('groups moderation and publication only', () => {
    expect(['report-text-moderated', 'report-photo-moderated', 'report-published'].every(isGrouped)).toBe(true);
    expect(['report-receipt', 'report-taken-in-charge', 'report-reply', 'report-closed', 'report-rejected', 'report-duplicate'].some(isGrouped)).toBe(false);
  });

  it('writes a line per step, reasons included, in the reader’s language, from the newest data', () => {
    const messages = [
      { template: 'report-text-moderated', data: { ...base, decision: 'approvato' } },
      { template: 'report-photo-moderated', data: { ...base, photoNumber: 2, decision: 'rifiutata', reason: 'Si vede un volto.' } },
      {
        template: 'report-published',
        data: { ...base, protocolNumber: '2026/000007', publishedAt: '8 dicembre 2026 alle ore 10:30', publicReportUrl: 'http://x/r' },
      },
    ] as const;
    const data = digestData(messages, 'it');
    expect(data.protocolNumber).toBe('2026/000007');
    expect(String(data.updates).split('\n')).toEqual([
      '– Il testo è stato approvato dalla Polizia Locale.',
      '– La foto n. 2 è stata rifiutata.',
      '  Motivo: Si vede un volto.',
      "– È visibile nell'archivio pubblico dall'8 dicembre 2026 alle ore 10:30, con il testo e le foto approvati.",
    ]);
    expect(data.publishedReportUrl).toBe('http://x/r');
    const mail = renderMail('report-updates', data, 'it', { municipality: 'Comune di Esempio', logoUrl: '' });
    expect(mail.subject).toBe('Segnalazione 2026/000007: novità – Comune di Esempio');
    expect(mail.text).toContain('ci sono novità sulla tua segnalazione, dalla Polizia Locale:');
    expect(mail.text).toContain('Vedi la segnalazione pubblicata: http://x/r');

    const english = digestData([{ template: 'report-photo-moderated', data: { ...base, photoNumber: 1, decision: 'approved' } }], 'en');
    expect(english.updates).toBe('– Photo no. 1 was approved.');
    expect(english.publishedReportUrl).toBe('');

    // A public thread reads the steps without their reasons, which are the citizen's alone.
    const thread = renderChannelText('report-updates', data, 'it', 'public');
    expect(thread).toContain('– La foto n. 2 è stata rifiutata.');
    expect(thread).not.toContain('Si vede un volto');
    expect(renderChannelText('report-updates', data, 'it', 'private')).toContain('Motivo: Si vede un volto.');
  });
});
