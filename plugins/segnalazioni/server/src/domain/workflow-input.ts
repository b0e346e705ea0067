import { z } from 'zod';
import type { Action } from './lifecycle';
import { POSITION_CHOICES } from './public-place';
import { ADDRESS_MAX_LENGTH } from './report-input';
import type { InputError, Parsed } from './report-input';

/**
 * What an officer sends with each action of the lifecycle. Each schema carries the `needs` of its
 * lifecycle row (a reply, a final reply, a reason, an office): missing, the request is a 400.
 */

const body = (label: string) =>
  z
    .string({ error: `${label}: obbligatorio.` })
    .trim()
    .min(1, { error: `${label}: obbligatorio.` })
    .max(8000, { error: `${label}: al massimo 8000 caratteri.` });

const reason = (label: string) =>
  z
    .string({ error: `${label}: obbligatorio.` })
    .trim()
    .min(3, { error: `${label}: almeno 3 caratteri.` })
    .max(2000, { error: `${label}: al massimo 2000 caratteri.` });

const documentId = (label: string) => z.string({ error: `${label}: obbligatorio.` }).trim().min(1, { error: `${label}: obbligatorio.` }).max(64);

const decision = z.enum(['approve', 'reject'], { error: 'Decisione: "approve" oppure "reject".' });

const needsReasonWhenRejected = <T extends { decision: 'approve' | 'reject'; reason?: string }>(value: T) =>
  value.decision === 'approve' || (value.reason ?? '').trim().length >= 3;
const REASON_REQUIRED = { error: 'Motivo: obbligatorio quando si rifiuta (almeno 3 caratteri).', path: ['reason'] };

const empty = z.strictObject({});

export const ACTION_INPUT = {
  submit: empty,
  edit: empty,
  take_in_charge: empty,
  // Triage: a category (its office takes the report), an office, or both.
  reassign: z
    .strictObject({
      office: documentId('Ufficio').optional(),
      category: z.string().trim().min(1, { error: 'Categoria: obbligatoria.' }).max(120).optional(),
      note: z.string().trim().max(2000).optional(),
    })
    .refine((value) => value.office !== undefined || value.category !== undefined, {
      error: 'Riassegnazione: indicare la categoria, l\'ufficio o entrambi.',
      path: ['office'],
    }),
  moderate_text: z
    .strictObject({
      decision,
      publicTitle: z.string().trim().min(5, { error: 'Titolo pubblico: almeno 5 caratteri.' }).max(120, { error: 'Titolo pubblico: al massimo 120 caratteri.' }).optional(),
      publicText: z.string().trim().min(1, { error: 'Testo pubblico: non può essere vuoto.' }).max(4000, { error: 'Testo pubblico: al massimo 4000 caratteri.' }).optional(),
      // The place is moderated with the text: absent, the citizen's address; empty or null, none.
      publicAddress: z
        .string({ error: 'Indirizzo pubblico: deve essere un testo.' })
        .trim()
        .max(ADDRESS_MAX_LENGTH, { error: `Indirizzo pubblico: al massimo ${ADDRESS_MAX_LENGTH} caratteri.` })
        .nullable()
        .optional(),
      position: z.enum(POSITION_CHOICES, { error: 'Posizione pubblica: "exact" (esatta), "rounded" (arrotondata a circa 50 m) o "hidden" (non pubblicata).' }).optional(),
      reason: z.string().trim().max(2000).optional(),
    })
    .refine(needsReasonWhenRejected, REASON_REQUIRED),
  moderate_photo: z
    .strictObject({ photo: documentId('Foto'), decision, reason: z.string().trim().max(2000).optional() })
    .refine(needsReasonWhenRejected, REASON_REQUIRED),
  publish: empty,
  unpublish: empty,
  reply: z.strictObject({
    kind: z.enum(['feasibility', 'progress'], { error: 'Tipo di risposta: "feasibility" (fattibilità) oppure "progress" (aggiornamento).' }),
    body: body('Risposta'),
    public: z.boolean({ error: 'Pubblica: vero o falso.' }),
  }),
  close: z.strictObject({ body: body('Risposta finale'), public: z.boolean({ error: 'Pubblica: vero o falso.' }).default(true) }),
  // A rejected report is never public: its reason goes to the reporter only.
  reject: z.strictObject({ body: body('Motivo del rifiuto') }),
  reopen: z.strictObject({ reason: reason('Motivo della riapertura') }),
} satisfies Record<Action, z.ZodType>;

export type ActionInput<A extends Action> = z.output<(typeof ACTION_INPUT)[A]>;

export function parseActionInput<A extends Action>(action: A, raw: unknown): Parsed<ActionInput<A>> {
  const result = ACTION_INPUT[action].safeParse(raw ?? {});
  if (result.success) return { ok: true, value: result.data as ActionInput<A> };
  const errors: InputError[] = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.code === 'unrecognized_keys' ? `Campi non previsti: ${issue.keys.join(', ')}.` : issue.message,
  }));
  return { ok: false, errors };
}
