'use strict';
/**
 * Meta's webhook payloads, as its documentation gives them: WhatsApp Cloud API message deliveries
 * and Facebook page feed changes, and the X-Hub-Signature-256 Meta signs them with. One home for the
 * tests (tests/helpers/meta.ts) and the benchmarks (bench/lib/meta.js), which deliver them to our
 * webhooks as Meta would.
 */
const { createHmac } = require('crypto');

/** The WhatsApp number and the Facebook page the payloads are for. */
const PHONE_NUMBER_ID = '106540352242922';
const PAGE_ID = '1067280970047460';

/**
 * The signature header of a body, with the app's secret.
 * @param {string} body
 * @param {string} secret
 */
const sign = (body, secret) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** @param {Date} at */
const seconds = (at) => String(Math.floor(at.getTime() / 1000));

/** One WhatsApp message, as the Cloud API documents it for each type. */
const waMessage = {
  /** @param {string} id @param {string} from @param {string} body @param {Date} at */
  text: (id, from, body, at) => ({ from, id, timestamp: seconds(at), type: 'text', text: { body } }),
  /** @param {string} id @param {string} from @param {string} mediaId @param {Date} at @param {string} [caption] */
  image: (id, from, mediaId, at, caption) => ({
    from,
    id,
    timestamp: seconds(at),
    type: 'image',
    image: { ...(caption ? { caption } : {}), mime_type: 'image/jpeg', sha256: 'ignored-by-us', id: mediaId },
  }),
  /**
   * @param {string} id @param {string} from @param {Date} at @param {number} latitude @param {number} longitude
   * @param {string} [name] @param {string} [address]
   */
  location: (id, from, at, latitude, longitude, name, address) => ({
    from,
    id,
    timestamp: seconds(at),
    type: 'location',
    location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
  }),
  /** @param {string} id @param {string} from @param {Date} at @param {string} type @param {Record<string, unknown>} content */
  other: (id, from, at, type, content) => ({ from, id, timestamp: seconds(at), type, [type]: content }),
};

/**
 * A delivery of the `messages` field (for our number unless told), with the senders' profiles.
 * Raw messages as Meta sends them; tests also pass malformed ones.
 * @param {readonly ({ readonly from: string } & Record<string, unknown>)[]} messages
 * @param {{ names?: Record<string, string>, phoneNumberId?: string, statuses?: unknown[] }} [options]
 */
const waDelivery = (messages, { names = {}, phoneNumberId = PHONE_NUMBER_ID, statuses } = {}) => ({
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

/**
 * A delivery of the page's `feed` field: one post or comment by a person.
 * @param {Record<string, unknown>} value
 * @param {string} [pageId]
 */
const fbDelivery = (value, pageId = PAGE_ID) => ({
  object: 'page',
  entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: 'feed', value }] }],
});

/** @param {string} postId @param {string} message @param {{ id: string, name: string }} [from] */
const fbPost = (postId, message, from = { id: '24242424242', name: 'Lucia Verdi' }) => ({
  from,
  item: 'status',
  post_id: `${PAGE_ID}_${postId}`,
  verb: 'add',
  published: 1,
  created_time: Math.floor(Date.now() / 1000),
  message,
});

/**
 * A photo post by a person: `item: photo`, with the photo's id and its CDN link.
 * @param {string} postId @param {string} photoId @param {string} message @param {{ id: string, name: string }} [from]
 */
const fbPhotoPost = (postId, photoId, message, from = { id: '46464646464', name: 'Giulia Blu' }) => ({
  ...fbPost(postId, message, from),
  item: 'photo',
  photo_id: photoId,
  link: `https://scontent.xx.fbcdn.net/v/t39.30808-6/${photoId}_n.jpg`,
});

/** @param {string} postId @param {string} commentId @param {string} message @param {{ id: string, name: string }} [from] */
const fbComment = (postId, commentId, message, from = { id: '35353535353', name: 'Paolo Neri' }) => ({
  from,
  item: 'comment',
  post_id: `${PAGE_ID}_${postId}`,
  comment_id: `${postId}_${commentId}`,
  parent_id: `${PAGE_ID}_${postId}`,
  verb: 'add',
  created_time: Math.floor(Date.now() / 1000),
  message,
});

module.exports = { PAGE_ID, PHONE_NUMBER_ID, fbComment, fbDelivery, fbPhotoPost, fbPost, sign, waDelivery, waMessage };
