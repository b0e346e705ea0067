import { parseWhatsAppDelivery } from './whatsapp-inbound';

const PHONE_ID = '106540352242922';

/** A delivery as Meta documents it: one change of the `messages` field. */
const delivery = (messages: unknown[], extra: Record<string, unknown> = {}, phoneNumberId = PHONE_ID) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
            contacts: [{ profile: { name: 'Mario Rossi' }, wa_id: '393331234567' }],
            messages,
            ...extra,
          },
        },
      ],
    },
  ],
});

const message = (type: string, content: Record<string, unknown>, id = 'wamid.A1') => ({ from: '393331234567', id, timestamp: '1795000000', type, ...content });

describe('WhatsApp webhook deliveries', () => {
  it('reads text, image and location messages with the sender and their name', () => {
    const parsed = parseWhatsAppDelivery(
      delivery([
        message('text', { text: { body: 'Buca in via Italia 14' } }, 'wamid.1'),
        message('image', { image: { caption: 'Eccola', mime_type: 'image/jpeg', sha256: 'abc', id: '1003383421387256' } }, 'wamid.2'),
        message('location', { location: { latitude: 45.5663, longitude: 8.0531, name: 'Palazzo Oropa', address: 'Via Battistero 4, Biella' } }, 'wamid.3'),
      ]),
      PHONE_ID,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        ignored: 0,
        messages: [
          { kind: 'text', id: 'wamid.1', from: '393331234567', name: 'Mario Rossi', sentAt: new Date(1795000000 * 1000), text: 'Buca in via Italia 14' },
          { kind: 'image', id: 'wamid.2', from: '393331234567', name: 'Mario Rossi', sentAt: new Date(1795000000 * 1000), mediaId: '1003383421387256', caption: 'Eccola' },
          {
            kind: 'location',
            id: 'wamid.3',
            from: '393331234567',
            name: 'Mario Rossi',
            sentAt: new Date(1795000000 * 1000),
            latitude: 45.5663,
            longitude: 8.0531,
            address: 'Palazzo Oropa, Via Battistero 4, Biella',
          },
        ],
      },
    });
  });

  it('keeps unknown message types as unsupported, and passes over reactions and status updates', () => {
    const parsed = parseWhatsAppDelivery(
      delivery(
        [message('audio', { audio: { id: '1', mime_type: 'audio/ogg' } }, 'wamid.a'), message('reaction', { reaction: { message_id: 'wamid.x', emoji: '👍' } }, 'wamid.r')],
        { statuses: [{ id: 'wamid.out', status: 'delivered', timestamp: '1795000001', recipient_id: '393331234567' }] },
      ),
      PHONE_ID,
    );
    expect(parsed.ok && parsed.value.messages.map((m) => [m.kind, m.kind === 'unsupported' ? m.type : null])).toEqual([['unsupported', 'audio']]);
    expect(parsed.ok && parsed.value.ignored).toBe(2);
  });

  it('ignores messages to another number of the same account', () => {
    const parsed = parseWhatsAppDelivery(delivery([message('text', { text: { body: 'Ciao' } })], {}, '999'), PHONE_ID);
    expect(parsed).toEqual({ ok: true, value: { messages: [], ignored: 1 } });
  });

  it.each([
    ['another object', { object: 'page', entry: [] }],
    ['no entries', { object: 'whatsapp_business_account' }],
    ['a text without body', delivery([message('text', { text: {} })])],
    ['an image without id', delivery([message('image', { image: { mime_type: 'image/jpeg' } })])],
    ['a location out of range', delivery([message('location', { location: { latitude: 145, longitude: 8 } })])],
    ['a message without id', delivery([{ from: '39333', timestamp: '1', type: 'text', text: { body: 'x' } }])],
    ['a timestamp that is no number', delivery([{ ...message('text', { text: { body: 'x' } }), timestamp: 'ieri' }])],
    ['an array', []],
  ])('refuses %s', (_, raw) => {
    expect(parseWhatsAppDelivery(raw, PHONE_ID).ok).toBe(false);
  });
});
