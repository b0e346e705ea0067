import { audienceOf, citizenAddress } from './channels';

describe("a report's citizen is answered on its own channel", () => {
  it.each([
    ['a web citizen, by mail', { channel: 'web', reporterEmail: 'anna@example.it' }, { channel: 'email', recipient: 'anna@example.it' }],
    ['a WhatsApp sender, on WhatsApp', { channel: 'whatsapp', contact: '393331234567' }, { channel: 'whatsapp', recipient: '393331234567' }],
    ['a Facebook author, under the post', { channel: 'facebook', contact: '100200', channelRef: '555_777' }, { channel: 'facebook', recipient: '555_777' }],
    [
      'a desk citizen with an address, by mail',
      { channel: 'desk', contact: '015351', contactEmail: 'bruno@example.it' },
      { channel: 'email', recipient: 'bruno@example.it' },
    ],
  ] as const)('%s', (_, facts, address) => {
    expect(citizenAddress(facts)).toEqual(address);
  });

  it('a desk citizen who left only a phone number is not written to', () => {
    expect(citizenAddress({ channel: 'desk', contact: '015351' })).toBeNull();
  });

  it('a Facebook thread is public, a chat is not', () => {
    expect(audienceOf('facebook')).toBe('public');
    expect(audienceOf('whatsapp')).toBe('private');
    expect(audienceOf('email')).toBe('private');
  });
});
