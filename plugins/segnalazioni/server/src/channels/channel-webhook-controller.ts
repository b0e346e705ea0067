import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { parseFacebookDelivery } from './facebook/domain/facebook-inbound';
import { answerHandshake, hasValidSignature } from './domain/meta-webhook';
import { parseWhatsAppDelivery } from './whatsapp/domain/whatsapp-inbound';
import { forbidden, orThrow } from '../common/errors';
import type { FacebookSettings, WhatsAppSettings } from './channels';
import { getService } from '../common/get-service';

/** Where Strapi's body parser keeps the raw body (`includeUnparsed` in config/middlewares.ts). */
const UNPARSED_BODY = Symbol.for('unparsedBody');

type ActiveChannel = { channel: 'whatsapp'; settings: WhatsAppSettings } | { channel: 'facebook'; settings: FacebookSettings };

function rawBodyOf(ctx: Context): string | null {
  const body: unknown = ctx.request.body;
  if (typeof body === 'string') return body;
  if (body !== null && typeof body === 'object') {
    const raw = (body as Record<symbol, unknown>)[UNPARSED_BODY];
    if (typeof raw === 'string') return raw;
  }
  return null;
}

/**
 * Meta's webhooks, one path per channel: GET answers the verification handshake, POST takes a
 * signed delivery. A channel that is not configured does not exist (404). A delivery is answered
 * after it is stored: when storing fails, Meta delivers it again, and message ids make that safe.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const activeChannel = (ctx: Context): ActiveChannel => {
    const { channel } = ctx.params as { channel?: string };
    const channels = getService(strapi, 'channels');
    const whatsapp = channel === 'whatsapp' ? channels.whatsapp() : null;
    if (whatsapp) return { channel: 'whatsapp', settings: whatsapp };
    const facebook = channel === 'facebook' ? channels.facebook() : null;
    if (facebook) return { channel: 'facebook', settings: facebook };
    throw new errors.NotFoundError('Canale non attivo.');
  };

  return {
    async verify(ctx: Context) {
      const { settings } = activeChannel(ctx);
      const handshake = answerHandshake(ctx.query, settings.verifyToken);
      if (!handshake.ok) throw handshake.status === 403 ? forbidden(handshake.message) : new errors.ValidationError(handshake.message);
      ctx.type = 'text/plain';
      ctx.body = handshake.challenge;
    },

    async receive(ctx: Context) {
      const active = activeChannel(ctx);
      const { settings } = active;
      const raw = rawBodyOf(ctx);
      if (raw === null || !hasValidSignature(raw, ctx.get('x-hub-signature-256'), settings.appSecret)) {
        throw new errors.UnauthorizedError('Firma X-Hub-Signature-256 mancante o non valida.');
      }
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch {
        throw new errors.ValidationError('Il corpo della richiesta non è JSON valido.');
      }
      const intake = getService(strapi, 'channel-intake');
      const result =
        active.channel === 'whatsapp'
          ? await intake.whatsapp(orThrow(parseWhatsAppDelivery(payload, active.settings.phoneNumberId)), active.settings)
          : await intake.facebook(orThrow(parseFacebookDelivery(payload, active.settings)), active.settings);
      ctx.body = { data: result, meta: {} };
    },
  };
};
