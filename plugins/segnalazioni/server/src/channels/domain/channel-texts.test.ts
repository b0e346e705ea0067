import { CHANNEL_TEXTS, renderChannelText, type ChannelTextName } from './channel-texts';
import { CITIZEN_TEMPLATES, REPORT_FACTS } from '../../notifications/domain/mail-templates';
import { DEFAULT_TEMPLATES } from '../../notifications/domain/mail-templates';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g)].map((m) => m[1]))].sort();

describe('channel texts', () => {
  it.each(Object.keys(CHANNEL_TEXTS) as ChannelTextName[])('%s says the same things in Italian and English', (name) => {
    expect(placeholders(CHANNEL_TEXTS[name].en)).toEqual(placeholders(CHANNEL_TEXTS[name].it));
  });

  it.each(CITIZEN_TEMPLATES)('%s uses only what its mail is filled with', (name) => {
    const mail = DEFAULT_TEMPLATES[name].it;
    // The mail's own placeholders, and the report's facts it gives in every citizen mail.
    const known = new Set([...placeholders(mail.subject + mail.text + REPORT_FACTS.it), 'handledFrom', 'privateReplyNote']);
    expect(placeholders(CHANNEL_TEXTS[name].it).filter((key) => !known.has(key))).toEqual([]);
  });

  it('says when a message that came out of office hours will be read, and only then', () => {
    const data = { reference: 'ABCD-EFGH', dueTakeInChargeAt: '30 novembre 2026 alle ore 16:00' };
    const closed = renderChannelText('report-receipt', { ...data, handledFrom: '30 novembre 2026 alle ore 08:30' }, 'it', 'private');
    expect(closed).toContain("L'ufficio ora è chiuso: la leggeremo dal 30 novembre 2026 alle ore 08:30.");
    expect(renderChannelText('report-receipt', { ...data, handledFrom: '' }, 'it', 'private')).not.toContain('chiuso');
  });

  it('keeps a reply the office did not make public out of a public thread', () => {
    const data = {
      protocolNumber: '2026/000001',
      office: 'Ufficio Strade',
      reply: 'Il tecnico passa martedì.',
      replyKind: 'fattibilità',
      description: 'Mio figlio è caduto',
    };
    expect(renderChannelText('report-reply', { ...data, replyVisibility: 'private' }, 'it', 'private')).toContain('Il tecnico passa martedì.');
    const onFacebook = renderChannelText('report-reply', { ...data, replyVisibility: 'private' }, 'it', 'public');
    expect(onFacebook).not.toContain('Il tecnico');
    expect(onFacebook).toContain('La risposta è riservata');
    expect(renderChannelText('report-reply', { ...data, replyVisibility: 'public' }, 'it', 'public')).toContain('Il tecnico passa martedì.');
    expect(renderChannelText('report-text-moderated', { reference: 'R', decision: 'rifiutato', reason: 'Contiene un nome' }, 'it', 'public')).not.toContain(
      'nome',
    );
  });

  it('stays within what WhatsApp takes', () => {
    const text = renderChannelText(
      'report-closed',
      { protocolNumber: 'P', office: 'U', closedAt: 'oggi', reply: 'r'.repeat(6000), replyVisibility: 'public' },
      'it',
      'private',
    );
    expect(text).toHaveLength(4000);
    expect(text.endsWith('…')).toBe(true);
  });
});
