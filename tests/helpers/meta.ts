import crypto from 'crypto';
import type { TestApp } from './app';

/** Test settings of the Meta app, the WhatsApp number and the Facebook page. */
export const META = {
  appSecret: 'test-meta-app-secret',
  whatsappToken: 'test-whatsapp-token',
  phoneNumberId: '106540352242922',
  whatsappVerifyToken: 'verifica-whatsapp',
  pageId: '1067280970047460',
  pageToken: 'test-page-token',
  facebookVerifyToken: 'verifica-facebook',
  hashtag: '#segnalaloaBiella',
} as const;

/** The environment that turns both channels on against the Graph API stand-in. */
export const channelEnv = (graphApiUrl: string): Record<string, string> => ({
  GRAPH_API_URL: graphApiUrl,
  GRAPH_API_VERSION: 'v25.0',
  META_APP_SECRET: META.appSecret,
  WHATSAPP_ACCESS_TOKEN: META.whatsappToken,
  WHATSAPP_PHONE_NUMBER_ID: META.phoneNumberId,
  WHATSAPP_VERIFY_TOKEN: META.whatsappVerifyToken,
  FACEBOOK_PAGE_ID: META.pageId,
  FACEBOOK_PAGE_TOKEN: META.pageToken,
  FACEBOOK_VERIFY_TOKEN: META.facebookVerifyToken,
  FACEBOOK_HASHTAG: META.hashtag,
});

export const sign = (body: string, secret: string = META.appSecret) => `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

/** POSTs a delivery as Meta does: JSON with the X-Hub-Signature-256 of its raw bytes (or the one given). */
export function deliver(app: TestApp, channel: 'whatsapp' | 'facebook', payload: unknown, signature?: string | null) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const request = app.http().post(`/api/segnalazioni/channels/${channel}`).set('Content-Type', 'application/json');
  const header = signature === undefined ? sign(body) : signature;
  return (header === null ? request : request.set('X-Hub-Signature-256', header)).send(body);
}

const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

/** One WhatsApp message, as the Cloud API documents it for each type. */
export const waMessage = {
  text: (id: string, from: string, body: string, at: Date) => ({ from, id, timestamp: seconds(at), type: 'text', text: { body } }),
  image: (id: string, from: string, mediaId: string, at: Date, caption?: string) => ({
    from,
    id,
    timestamp: seconds(at),
    type: 'image',
    image: { ...(caption ? { caption } : {}), mime_type: 'image/jpeg', sha256: 'ignored-by-us', id: mediaId },
  }),
  location: (id: string, from: string, at: Date, latitude: number, longitude: number, name?: string, address?: string) => ({
    from,
    id,
    timestamp: seconds(at),
    type: 'location',
    location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
  }),
  other: (id: string, from: string, at: Date, type: string, content: Record<string, unknown>) => ({ from, id, timestamp: seconds(at), type, [type]: content }),
};

/** A delivery of the `messages` field (for our number unless told), with the senders' profiles. */
export const waDelivery = (
  // Raw messages as Meta sends them; tests also pass malformed ones.
  messages: readonly ({ readonly from: string } & Record<string, unknown>)[],
  { names = {}, phoneNumberId = META.phoneNumberId, statuses }: { names?: Record<string, string>; phoneNumberId?: string; statuses?: unknown[] } = {},
) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '102290129340398',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '393601075737', phone_number_id: phoneNumberId },
            contacts: [...new Set(messages.map((message) => message.from))].map((waId) => ({
              profile: { name: names[waId] ?? 'Utente WhatsApp' },
              wa_id: waId,
            })),
            messages,
            ...(statuses ? { statuses } : {}),
          },
        },
      ],
    },
  ],
});

/** A delivery of the page's `feed` field: one post or comment by a person. */
export const fbDelivery = (value: Record<string, unknown>, pageId: string = META.pageId) => ({
  object: 'page',
  entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: 'feed', value }] }],
});

export const fbPost = (postId: string, message: string, from = { id: '24242424242', name: 'Lucia Verdi' }) => ({
  from,
  item: 'status',
  post_id: `${META.pageId}_${postId}`,
  verb: 'add',
  published: 1,
  created_time: Math.floor(Date.now() / 1000),
  message,
});

/** A photo post by a person: `item: photo`, with the photo's id and its CDN link. */
export const fbPhotoPost = (postId: string, photoId: string, message: string, from = { id: '46464646464', name: 'Giulia Blu' }) => ({
  ...fbPost(postId, message, from),
  item: 'photo',
  photo_id: photoId,
  link: `https://scontent.xx.fbcdn.net/v/t39.30808-6/${photoId}_n.jpg`,
});

export const fbComment = (postId: string, commentId: string, message: string, from = { id: '35353535353', name: 'Paolo Neri' }) => ({
  from,
  item: 'comment',
  post_id: `${META.pageId}_${postId}`,
  comment_id: `${postId}_${commentId}`,
  parent_id: `${META.pageId}_${postId}`,
  verb: 'add',
  created_time: Math.floor(Date.now() / 1000),
  message,
});
