import { META, waDelivery, waMessage } from '../../../../../../../tests/helpers/meta';
import { parseWhatsAppDelivery } from './whatsapp-inbound';

const SENDER = '393331234567';
const AT = new Date(1795000000 * 1000);
const names = { [SENDER]: 'Mario Rossi' };
const parse = (raw: unknown) => parseWhatsAppDelivery(raw, META.phoneNumberId);

describe('WhatsApp webhook deliveries', () => {
  it('reads text, image and location messages with the sender and their name', () => {
    const parsed = parse(
      waDelivery(
        [
          waMessage.text('wamid.1', SENDER, 'Buca in via Italia 14', AT),
          waMessage.image('wamid.2', SENDER, '1003383421387256', AT, 'Eccola'),
          waMessage.location('wamid.3', SENDER, AT, 45.5663, 8.0531, 'Palazzo Oropa', 'Via Battistero 4, Biella'),
        ],
        { names },
      ),
    );
    const base = { from: SENDER, name: 'Mario Rossi', sentAt: AT };
    expect(parsed).toEqual({
      ok: true,
      value: {
        ignored: 0,
        messages: [
          { ...base, kind: 'text', id: 'wamid.1', text: 'Buca in via Italia 14' },
          { ...base, kind: 'image', id: 'wamid.2', mediaId: '1003383421387256', caption: 'Eccola' },
          { ...base, kind: 'location', id: 'wamid.3', latitude: 45.5663, longitude: 8.0531, address: 'Palazzo Oropa, Via Battistero 4, Biella' },
        ],
      },
    });
  });

  it('keeps unknown message types as unsupported, and passes over reactions and status updates', () => {
    const parsed = parse(
      waDelivery(
        [
          waMessage.other('wamid.a', SENDER, AT, 'audio', { id: '1', mime_type: 'audio/ogg' }),
          waMessage.other('wamid.r', SENDER, AT, 'reaction', { message_id: 'wamid.x', emoji: '👍' }),
        ],
        {
          statuses: [{ id: 'wamid.out', status: 'delivered', timestamp: '1795000001', recipient_id: SENDER }],
        },
      ),
    );
    expect(parsed.ok && parsed.value.messages.map((m) => [m.kind, m.kind === 'unsupported' ? m.type : null])).toEqual([['unsupported', 'audio']]);
    expect(parsed.ok && parsed.value.ignored).toBe(2);
  });

  it('ignores messages to another number of the same account', () => {
    expect(parse(waDelivery([waMessage.text('wamid.1', SENDER, 'Ciao', AT)], { phoneNumberId: '999' }))).toEqual({
      ok: true,
      value: { messages: [], ignored: 1 },
    });
  });

  it.each([
    ['another object', { object: 'page', entry: [] }],
    ['no entries', { object: 'whatsapp_business_account' }],
    ['a text without body', waDelivery([waMessage.other('wamid.1', SENDER, AT, 'text', {})])],
    ['an image without id', waDelivery([waMessage.other('wamid.1', SENDER, AT, 'image', { mime_type: 'image/jpeg' })])],
    ['a location out of range', waDelivery([waMessage.location('wamid.1', SENDER, AT, 145, 8)])],
    ['a message without id', waDelivery([{ ...waMessage.text('wamid.1', SENDER, 'x', AT), id: undefined }])],
    ['a timestamp that is no number', waDelivery([{ ...waMessage.text('wamid.1', SENDER, 'x', AT), timestamp: 'ieri' }])],
    ['an array', []],
  ])('refuses %s', (_, raw) => {
    expect(parse(raw).ok).toBe(false);
  });
});

describe('WhatsApp texts are plain text, as the web form’s', () => {
  it('removes controls and invisible characters from words, captions, places and names', () => {
    const parsed = parse(
      waDelivery(
        [
          waMessage.text('wamid.1', SENDER, 'Buca\u0000 in via\u202E Italia\r\n14', AT),
          waMessage.image('wamid.2', SENDER, '1003383421387256', AT, '\u200BEccola\u0007'),
          waMessage.location('wamid.3', SENDER, AT, 45.5663, 8.0531, '\u2067Palazzo Oropa\u2069', 'Via\u0000 Battistero 4'),
        ],
        { names: { [SENDER]: 'Mario\u202E Rossi\u0000' } },
      ),
    );
    expect(parsed.ok && parsed.value.messages).toEqual([
      expect.objectContaining({ kind: 'text', text: 'Buca in via Italia\n14', name: 'Mario Rossi' }),
      expect.objectContaining({ kind: 'image', caption: 'Eccola' }),
      expect.objectContaining({ kind: 'location', address: 'Palazzo Oropa, Via Battistero 4' }),
    ]);
  });

  it('takes a text with nothing visible as a message it does not record', () => {
    const parsed = parse(waDelivery([waMessage.text('wamid.1', SENDER, '\u200B\u200D\u202E\u0000 \u2060', AT)], { names }));
    expect(parsed.ok && parsed.value.messages).toEqual([expect.objectContaining({ kind: 'unsupported', type: 'text' })]);
  });

  it('refuses a message id that is not printable ASCII', () => {
    expect(parse(waDelivery([waMessage.text('wamid.\u0000', SENDER, 'Buca in via Italia', AT)], { names })).ok).toBe(false);
  });
});
