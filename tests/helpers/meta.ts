import { PAGE_ID, PHONE_NUMBER_ID, sign as signWith } from '../../scripts/lib/meta-payloads';
import type { TestApp } from './app';

// Meta's payload formats, shared with the benchmarks.
export { fbComment, fbDelivery, fbPhotoPost, fbPost, waDelivery, waMessage } from '../../scripts/lib/meta-payloads';

/** Test settings of the Meta app, the WhatsApp number and the Facebook page. */
export const META = {
  appSecret: 'test-meta-app-secret',
  whatsappToken: 'test-whatsapp-token',
  phoneNumberId: PHONE_NUMBER_ID,
  whatsappVerifyToken: 'verifica-whatsapp',
  pageId: PAGE_ID,
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

export const sign = (body: string, secret: string = META.appSecret) => signWith(body, secret);

/** POSTs a delivery as Meta does: JSON with the X-Hub-Signature-256 of its raw bytes (or the one given). */
export function deliver(app: TestApp, channel: 'whatsapp' | 'facebook', payload: unknown, signature?: string | null) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const request = app.http().post(`/api/segnalazioni/channels/${channel}`).set('Content-Type', 'application/json');
  const header = signature === undefined ? sign(body) : signature;
  return (header === null ? request : request.set('X-Hub-Signature-256', header)).send(body);
}
