import type { Core } from '@strapi/strapi';
import { normaliseHashtag } from './facebook/domain/facebook-inbound';
import type { MetaChannel } from './domain/channels';
import { UndeliverableError } from '../notifications/domain/outbox';
import { whatsappAnswer, type WhatsAppTemplate } from './whatsapp/domain/whatsapp-window';
import { UID } from '../common/domain/uids';
import { getService } from '../common/get-service';
import { rowsOf } from '../common/rows';
import { settingOf } from '../common/settings';

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
  readonly whatsapp: {
    readonly accessToken: string;
    readonly phoneNumberId: string;
    readonly verifyToken: string;
    /** The approved template for answers outside the 24-hour window ('' when there is none), and its language. */
    readonly templateName: string;
    readonly templateLanguage: string;
  };
  readonly facebook: { readonly pageId: string; readonly pageToken: string; readonly verifyToken: string; readonly hashtag: string };
}

export interface WhatsAppSettings {
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly accessToken: string;
  readonly phoneNumberId: string;
  readonly template: WhatsAppTemplate | null;
}

/** What an answer says, and the report's number for a template that must name it. */
export interface ChannelMessage {
  readonly text: string;
  readonly reference: string;
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
  const config = () => settingOf(strapi, 'channels');

  return {
    config,

    whatsapp(): WhatsAppSettings | null {
      const { appSecret, whatsapp } = config();
      if (!allSet(appSecret, whatsapp.accessToken, whatsapp.phoneNumberId, whatsapp.verifyToken)) return null;
      const { accessToken, phoneNumberId, verifyToken, templateName, templateLanguage } = whatsapp;
      const template = allSet(templateName) ? { name: templateName.trim(), language: templateLanguage.trim() || 'it' } : null;
      return { appSecret, accessToken, phoneNumberId, verifyToken, template };
    },

    facebook(): FacebookSettings | null {
      const { appSecret, facebook } = config();
      const hashtag = normaliseHashtag(facebook.hashtag);
      return allSet(appSecret, facebook.pageId, facebook.pageToken, facebook.verifyToken, hashtag) ? { appSecret, ...facebook, hashtag } : null;
    },

    /** When this WhatsApp number last wrote to us: it opens the 24-hour window for free text. */
    async lastInboundAt(sender: string): Promise<Date | null> {
      const last = await rowsOf(strapi, UID.channelMessage).findOne({
        where: { channel: 'whatsapp', sender, sentAt: { $notNull: true } },
        select: ['sentAt'],
        orderBy: { sentAt: 'desc' },
      });
      return last?.sentAt ? new Date(last.sentAt) : null;
    },

    /**
     * Sends an answer to a WhatsApp number (free text within 24 hours of the citizen's last message,
     * the configured template later), or as a comment under a Facebook post or comment. Throws on
     * failure; an UndeliverableError when no attempt can succeed.
     */
    async send(channel: MetaChannel, recipient: string, { text, reference }: ChannelMessage): Promise<void> {
      const graph = getService(strapi, 'graph-api');
      if (channel === 'whatsapp') {
        const settings = this.whatsapp();
        // A channel that is off cannot answer: the reason shows on the report's page at once, rather than after hours of retries.
        if (!settings) throw new UndeliverableError('Il canale WhatsApp non è configurato: la risposta non può partire.');
        const answer = whatsappAnswer({
          text,
          reference,
          lastInboundAt: await this.lastInboundAt(recipient),
          now: getService(strapi, 'clock').now(),
          template: settings.template,
        });
        if (!answer.ok) throw new UndeliverableError(answer.reason);
        await graph.post(`${settings.phoneNumberId}/messages`, settings.accessToken, {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: recipient,
          ...answer.message,
        });
        return;
      }
      const settings = this.facebook();
      if (!settings) throw new UndeliverableError('Il canale Facebook non è configurato: la risposta non può partire.');
      await graph.post(`${encodeURIComponent(recipient)}/comments`, settings.pageToken, { message: text });
    },
  };
};
