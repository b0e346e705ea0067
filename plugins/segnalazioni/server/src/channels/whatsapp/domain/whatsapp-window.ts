/**
 * WhatsApp's customer-service window: a business may send free text only within 24 hours of the
 * user's last message to it. Later, only a message template approved by Meta is delivered; free
 * text is refused (Graph error 131047). This decides what an answer becomes.
 */

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Meta's limit for a template's text parameter, which may hold no newline, tab or run of 4+ spaces. */
export const TEMPLATE_PARAMETER_MAX = 1024;

/** An approved template whose body takes two text parameters: the report's number and the answer. */
export interface WhatsAppTemplate {
  readonly name: string;
  readonly language: string;
}

export type WhatsAppOutgoing =
  | { readonly type: 'text'; readonly text: { readonly preview_url: false; readonly body: string } }
  | {
      readonly type: 'template';
      readonly template: {
        readonly name: string;
        readonly language: { readonly code: string };
        readonly components: readonly [{ readonly type: 'body'; readonly parameters: readonly { readonly type: 'text'; readonly text: string }[] }];
      };
    };

export type WhatsAppAnswer = { readonly ok: true; readonly message: WhatsAppOutgoing } | { readonly ok: false; readonly reason: string };

export const NO_TEMPLATE_REASON =
  'Ultimo messaggio del cittadino su WhatsApp oltre 24 ore fa: WhatsApp accetta solo un modello approvato, e nessuno è configurato (WHATSAPP_TEMPLATE_NAME). Il messaggio non è stato inviato: contattare il cittadino in altro modo.';

/** Is free text still delivered, `now`, to someone who last wrote at `lastInboundAt`? */
export function isWindowOpen(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < CUSTOMER_SERVICE_WINDOW_MS;
}

/** A text as a template parameter: on one line, single spaces, at most 1024 characters, never empty. */
export function templateParameter(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim() || '-';
  return flat.length > TEMPLATE_PARAMETER_MAX ? `${flat.slice(0, TEMPLATE_PARAMETER_MAX - 1).trimEnd()}…` : flat;
}

export interface AnswerFacts {
  readonly text: string;
  /** The protocol number once given, the reference before. */
  readonly reference: string;
  readonly lastInboundAt: Date | null;
  readonly now: Date;
  readonly template: WhatsAppTemplate | null;
}

/** Free text inside the window; the template outside it; nothing, with the reason, when there is no template. */
export function whatsappAnswer({ text, reference, lastInboundAt, now, template }: AnswerFacts): WhatsAppAnswer {
  if (isWindowOpen(lastInboundAt, now)) return { ok: true, message: { type: 'text', text: { preview_url: false, body: text } } };
  if (!template) return { ok: false, reason: NO_TEMPLATE_REASON };
  return {
    ok: true,
    message: {
      type: 'template',
      template: {
        name: template.name,
        language: { code: template.language },
        components: [{ type: 'body', parameters: [reference, text].map((value) => ({ type: 'text' as const, text: templateParameter(value) })) }],
      },
    },
  };
}
