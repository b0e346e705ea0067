import { z } from 'zod';
import { plainText, visibleLength } from '../../../common/domain/plain-text';
import { inputErrors, type Parsed } from '../../../common/domain/input-errors';

/**
 * A delivery of the WhatsApp Business Cloud API webhook (`messages` field), read into the messages
 * a report is made of. Meta adds fields over time: unknown ones are let through and ignored, but
 * what we use must have its documented shape, or the whole delivery is refused (400). Every text is
 * made plain text here, as the web form's is.
 */

interface Base {
  /** Meta's message id (`wamid.…`): the same message redelivered has the same id. */
  readonly id: string;
  /** The sender's WhatsApp id: their number in international form, without `+`. */
  readonly from: string;
  readonly name: string | null;
  readonly sentAt: Date;
}

export type WhatsAppMessage =
  | (Base & { readonly kind: 'text'; readonly text: string })
  | (Base & { readonly kind: 'image'; readonly mediaId: string; readonly caption: string | null })
  | (Base & { readonly kind: 'location'; readonly latitude: number; readonly longitude: number; readonly address: string | null })
  | (Base & { readonly kind: 'unsupported'; readonly type: string });

export interface WhatsAppDelivery {
  readonly messages: readonly WhatsAppMessage[];
  /** Status updates of our own messages, reactions, other numbers' messages: nothing to do. */
  readonly ignored: number;
}

/** Meta's ids are printable ASCII; anything else (a NUL, a space) is not one of theirs. */
const idText = z
  .string()
  .trim()
  .regex(/^[\x21-\x7E]{1,255}$/);

const message = z.looseObject({
  id: idText,
  from: z.string().regex(/^[0-9A-Za-z._:-]{1,64}$/),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string().min(1).max(40),
});

const delivery = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: idText }).optional(),
            contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().max(200).optional() }).optional() })).optional(),
            messages: z.array(message).optional(),
            statuses: z.array(z.unknown()).optional(),
          }),
        }),
      ),
    }),
  ),
});

const CONTENT = {
  text: z.looseObject({ text: z.looseObject({ body: z.string().max(4096) }) }),
  image: z.looseObject({ image: z.looseObject({ id: idText, caption: z.string().max(4096).optional() }) }),
  location: z.looseObject({
    location: z.looseObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().max(500).optional(),
      address: z.string().max(500).optional(),
    }),
  }),
};

/** Message types that need no answer and make no report. */
const SILENT_TYPES = new Set(['reaction', 'system', 'request_welcome']);

/** Reads a delivery for our number (`phoneNumberId`); messages to other numbers of the account are ignored. */
export function parseWhatsAppDelivery(raw: unknown, phoneNumberId: string): Parsed<WhatsAppDelivery> {
  const parsed = delivery.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: inputErrors(parsed.error) };

  const messages: WhatsAppMessage[] = [];
  let ignored = 0;
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      const { value } = change;
      const incoming = value.messages ?? [];
      if (change.field !== 'messages' || value.metadata?.phone_number_id !== phoneNumberId) {
        ignored += incoming.length + (value.statuses?.length ?? 0);
        continue;
      }
      ignored += value.statuses?.length ?? 0;
      const names = new Map((value.contacts ?? []).map((contact) => [contact.wa_id, plainText(contact.profile?.name ?? '', 'line') || null]));
      for (const raw of incoming) {
        const base: Base = { id: raw.id, from: raw.from, name: names.get(raw.from) ?? null, sentAt: new Date(Number(raw.timestamp) * 1000) };
        if (SILENT_TYPES.has(raw.type)) {
          ignored += 1;
          continue;
        }
        const read = readContent(raw, base);
        if (!read.ok) return read;
        messages.push(read.value);
      }
    }
  }
  return { ok: true, value: { messages, ignored } };
}

function readContent(raw: z.infer<typeof message>, base: Base): Parsed<WhatsAppMessage> {
  const where = `message ${raw.id}`;
  switch (raw.type) {
    case 'text': {
      const content = CONTENT.text.safeParse(raw);
      if (!content.success) return { ok: false, errors: inputErrors(content.error, where) };
      const text = plainText(content.data.text.body, 'lines');
      // Nothing a reader would see (zero-width or control characters only): answered like a type we do not take.
      return { ok: true, value: visibleLength(text) > 0 ? { ...base, kind: 'text', text } : { ...base, kind: 'unsupported', type: raw.type } };
    }
    case 'image': {
      const content = CONTENT.image.safeParse(raw);
      return content.success
        ? { ok: true, value: { ...base, kind: 'image', mediaId: content.data.image.id, caption: plainText(content.data.image.caption ?? '', 'lines') || null } }
        : { ok: false, errors: inputErrors(content.error, where) };
    }
    case 'location': {
      const content = CONTENT.location.safeParse(raw);
      if (!content.success) return { ok: false, errors: inputErrors(content.error, where) };
      const { latitude, longitude, name, address } = content.data.location;
      const place = [name, address]
        .map((part) => plainText(part ?? '', 'line'))
        .filter(Boolean)
        .join(', ');
      return { ok: true, value: { ...base, kind: 'location', latitude, longitude, address: place || null } };
    }
    default:
      return { ok: true, value: { ...base, kind: 'unsupported', type: raw.type } };
  }
}
