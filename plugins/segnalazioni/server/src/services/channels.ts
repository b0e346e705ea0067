import type { Core } from '@strapi/strapi';
import { normaliseHashtag } from '../domain/facebook-inbound';
import type { MetaChannel } from '../domain/channels';
import { PLUGIN_ID } from '../uids';
import { getService } from './get-service';

/** The channels' settings, from the environment (config/plugins.ts, documented in .env.example). */
export interface ChannelsConfig {
  /** Graph API base URL: Meta's, or a stand-in in tests. */
  readonly graphApiUrl: string;
  readonly graphApiVersion: string;
  /** The Meta app's secret: webhook deliveries are signed with it. */
  readonly appSecret: string;
  /** Messages of one sender this close together make one report. */
  readonly groupingWindowMs: number;
  /** Longest wait for one Graph API call. */
  readonly requestTimeoutMs: number;
  readonly whatsapp: { readonly accessToken: string; readonly phoneNumberId: string; readonly verifyToken: string };
  readonly facebook: { readonly pageId: string; readonly pageToken: string; readonly verifyToken: string; readonly hashtag: string };
}

export interface WhatsAppSettings {
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly accessToken: string;
  readonly phoneNumberId: string;
}

export interface FacebookSettings {
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly pageId: string;
  readonly pageToken: string;
  readonly hashtag: string;
}

const allSet = (...values: string[]) => values.every((value) => value.trim() !== '');

/** Which channels are on, and the one way a message goes out on each. A channel missing any setting is off. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}.channels`) as ChannelsConfig;

  return {
    config,

    whatsapp(): WhatsAppSettings | null {
      const { appSecret, whatsapp } = config();
      return allSet(appSecret, whatsapp.accessToken, whatsapp.phoneNumberId, whatsapp.verifyToken) ? { appSecret, ...whatsapp } : null;
    },

    facebook(): FacebookSettings | null {
      const { appSecret, facebook } = config();
      const hashtag = normaliseHashtag(facebook.hashtag);
      return allSet(appSecret, facebook.pageId, facebook.pageToken, facebook.verifyToken, hashtag) ? { appSecret, ...facebook, hashtag } : null;
    },

    /** Sends a text to a WhatsApp number, or as a comment under a Facebook post or comment. Throws on failure. */
    async send(channel: MetaChannel, recipient: string, text: string): Promise<void> {
      const graph = getService(strapi, 'graph-api');
      if (channel === 'whatsapp') {
        const settings = this.whatsapp();
        if (!settings) throw new Error('Il canale WhatsApp non è configurato.');
        await graph.post(`${settings.phoneNumberId}/messages`, settings.accessToken, {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: recipient,
          type: 'text',
          text: { preview_url: false, body: text },
        });
        return;
      }
      const settings = this.facebook();
      if (!settings) throw new Error('Il canale Facebook non è configurato.');
      await graph.post(`${encodeURIComponent(recipient)}/comments`, settings.pageToken, { message: text });
    },
  };
};
