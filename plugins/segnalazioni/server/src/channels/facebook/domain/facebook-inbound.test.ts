import { hasHashtag, normaliseHashtag, parseFacebookDelivery } from './facebook-inbound';

const PAGE = '1067280970047460';
const settings = { pageId: PAGE, hashtag: '#segnalaloaBiella' };

const delivery = (value: Record<string, unknown>, pageId = PAGE) => ({
  object: 'page',
  entry: [{ id: pageId, time: 1795000000, changes: [{ field: 'feed', value }] }],
});
const post = (message: string, extra: Record<string, unknown> = {}) => ({
  from: { id: '24242424242', name: 'Lucia Verdi' },
  item: 'status',
  post_id: `${PAGE}_4444`,
  verb: 'add',
  published: 1,
  created_time: 1795000000,
  message,
  ...extra,
});

describe('the hashtag', () => {
  it.each([
    ['Buca in via Italia #segnalaloaBiella', true],
    ['#SEGNALALOABIELLA buca', true],
    ['buca (#segnalaloabiella)', true],
    ['buca #segnalaloaBiella!', true],
    ['buca #segnalaloaBiellaNord', false],
    ['buca segnalaloaBiella', false],
    ['buca ##segnalaloaBiella', false],
  ])('%s → %s', (text, expected) => {
    expect(hasHashtag(text, '#segnalaloaBiella')).toBe(expected);
  });

  it('is configured with or without its #', () => {
    expect(normaliseHashtag('segnalaloaBiella')).toBe('#segnalaloaBiella');
    expect(normaliseHashtag('  #segnalaloaBiella ')).toBe('#segnalaloaBiella');
    expect(normaliseHashtag('#')).toBe('');
    expect(hasHashtag('#', '')).toBe(false);
  });
});

describe('Facebook page feed deliveries', () => {
  it('a post with the hashtag is a report, answered under the post', () => {
    expect(parseFacebookDelivery(delivery(post('Lampione spento in via Roma #segnalaloaBiella')), settings)).toEqual({
      ok: true,
      value: {
        ignored: 0,
        posts: [
          {
            id: `${PAGE}_4444`,
            kind: 'post',
            authorId: '24242424242',
            authorName: 'Lucia Verdi',
            text: 'Lampione spento in via Roma #segnalaloaBiella',
            photoId: null,
          },
        ],
      },
    });
  });

  it('a photo post with the hashtag is a report carrying its photo, fetched by id', () => {
    const photo = post('Buca in via Italia #segnalaloaBiella', {
      item: 'photo',
      photo_id: '1234567890',
      link: 'https://scontent.xx.fbcdn.net/v/t39/1234567890_n.jpg',
    });
    const parsed = parseFacebookDelivery(delivery(photo), settings);
    expect(parsed.ok && parsed.value.posts).toEqual([expect.objectContaining({ id: `${PAGE}_4444`, kind: 'post', photoId: '1234567890' })]);
  });

  it('a comment carries no photo of its own', () => {
    const parsed = parseFacebookDelivery(delivery(post('#segnalaloaBiella', { item: 'comment', comment_id: '4444_1', photo_id: '77' })), settings);
    expect(parsed.ok && parsed.value.posts[0].photoId).toBeNull();
  });

  it('a comment with the hashtag is a report, answered under the comment', () => {
    const parsed = parseFacebookDelivery(
      delivery(post('Anche qui #segnalaloaBiella', { item: 'comment', comment_id: '4444_9999', parent_id: `${PAGE}_4444` })),
      settings,
    );
    expect(parsed.ok && parsed.value.posts).toEqual([expect.objectContaining({ id: '4444_9999', kind: 'comment' })]);
  });

  it.each([
    ['a post without the hashtag', post('Lampione spento in via Roma')],
    ['an edit', post('#segnalaloaBiella', { verb: 'edited' })],
    ["the page's own post", post('Usate #segnalaloaBiella', { from: { id: PAGE, name: 'Città di Biella' } })],
    ['a like', { item: 'reaction', verb: 'add', post_id: `${PAGE}_4444`, reaction_type: 'like', from: { id: '1' } }],
    ['a post without author', { item: 'status', verb: 'add', post_id: '1_2', message: '#segnalaloaBiella' }],
  ])('ignores %s', (_, value) => {
    expect(parseFacebookDelivery(delivery(value), settings)).toEqual({ ok: true, value: { posts: [], ignored: 1 } });
  });

  it("ignores another page's feed", () => {
    expect(parseFacebookDelivery(delivery(post('#segnalaloaBiella'), '999'), settings)).toEqual({ ok: true, value: { posts: [], ignored: 1 } });
  });

  it.each([
    ['another object', { object: 'whatsapp_business_account', entry: [] }],
    ['a feed change without item', delivery({ verb: 'add', message: '#segnalaloaBiella' })],
    ['a message that is no text', delivery(post('x', { message: 42 }))],
  ])('refuses %s', (_, raw) => {
    expect(parseFacebookDelivery(raw, settings).ok).toBe(false);
  });
});

describe('Facebook texts are plain text', () => {
  it('finds a hashtag an invisible character splits, and cleans the words and the name', () => {
    const parsed = parseFacebookDelivery(
      delivery(post('Buca\u0000 in via Italia #segnala\u200Bloa\u202EBiella', { from: { id: '24242424242', name: '\u202ELucia\u0000 Verdi' } })),
      settings,
    );
    expect(parsed.ok && parsed.value.posts).toEqual([expect.objectContaining({ text: 'Buca in via Italia #segnalaloaBiella', authorName: 'Lucia Verdi' })]);
  });

  it('refuses an id that is not printable ASCII', () => {
    expect(parseFacebookDelivery(delivery(post('Buca #segnalaloaBiella', { post_id: `${PAGE}_\u0000` })), settings).ok).toBe(false);
  });
});
