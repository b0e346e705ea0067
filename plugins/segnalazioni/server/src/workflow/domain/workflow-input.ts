import { z } from 'zod';
import type { Action } from './lifecycle';
import { documentIdField } from '../../common/domain/ids';
import { textField, visibleLength } from '../../common/domain/plain-text';
import { POSITION_CHOICES } from './public-place';
import { inputErrors, type Parsed } from '../../common/domain/input-errors';
import { INTERIM_REPLY_KINDS } from './report-states';
import { ADDRESS_MAX_LENGTH, DESCRIPTION_LENGTH, TITLE_LENGTH } from '../../intake/domain/report-input';

/**
 * What an officer sends with each action of the lifecycle. Each schema requires exactly the `needs`
 * of its lifecycle row (`workflow-input.test.ts` holds them together): missing, the request is a 400.
 */

/** Officers' words go through the same plain-text rule as the citizens'. */
const body = (label: string) =>
  z.string({ error: `${label}: obbligatorio.` }).pipe(textField(label, { min: 1, max: 8000, shape: 'lines', tooShort: `${label}: obbligatorio.` }));

const reason = (label: string) => z.string({ error: `${label}: obbligatorio.` }).pipe(textField(label, { min: 3, max: 2000, shape: 'lines' }));

/** A note or reason that may be left out. */
const remark = (label: string) => textField(label, { min: 0, max: 2000, shape: 'lines' }).optional();

const decision = z.enum(['approve', 'reject'], { error: 'Decisione: "approve" oppure "reject".' });

const needsReasonWhenRejected = <T extends { decision: 'approve' | 'reject'; reason?: string }>(value: T) =>
  value.decision === 'approve' || visibleLength(value.reason ?? '') >= 3;
const REASON_REQUIRED = { error: 'Motivo: obbligatorio quando si rifiuta (almeno 3 caratteri).', path: ['reason'] };

const empty = z.strictObject({});

export const ACTION_INPUT = {
  submit: empty,
  edit: empty,
  comment: empty,
  take_in_charge: empty,
  // Triage: a category (its office takes the report), an office, or both.
  reassign: z
    .strictObject({
      office: documentIdField('Ufficio').optional(),
      category: textField('Categoria', { min: 1, max: 120, shape: 'line', tooShort: 'Categoria: obbligatoria.' }).optional(),
      note: remark('Nota'),
    })
    .refine((value) => value.office !== undefined || value.category !== undefined, {
      error: "Riassegnazione: indicare la categoria, l'ufficio o entrambi.",
      path: ['office'],
    }),
  moderate_text: z
    .strictObject({
      decision,
      publicTitle: textField('Titolo pubblico', { ...TITLE_LENGTH, shape: 'line' }).optional(),
      publicText: textField('Testo pubblico', {
        min: 1,
        max: DESCRIPTION_LENGTH.max,
        shape: 'lines',
        tooShort: 'Testo pubblico: non può essere vuoto.',
      }).optional(),
      // The place is moderated with the text: absent, the citizen's address; empty or null, none.
      publicAddress: textField('Indirizzo pubblico', { min: 0, max: ADDRESS_MAX_LENGTH, shape: 'line' }).nullable().optional(),
      position: z
        .enum(POSITION_CHOICES, { error: 'Posizione pubblica: "exact" (esatta), "rounded" (arrotondata a circa 50 m) o "hidden" (non pubblicata).' })
        .optional(),
      reason: remark('Motivo'),
    })
    .refine(needsReasonWhenRejected, REASON_REQUIRED),
  moderate_photo: z.strictObject({ photo: documentIdField('Foto'), decision, reason: remark('Motivo') }).refine(needsReasonWhenRejected, REASON_REQUIRED),
  publish: empty,
  unpublish: empty,
  reply: z.strictObject({
    kind: z.enum(INTERIM_REPLY_KINDS, { error: 'Tipo di risposta: "feasibility" (fattibilità) oppure "progress" (aggiornamento).' }),
    body: body('Risposta'),
    public: z.boolean({ error: 'Pubblica: vero o falso.' }),
  }),
  close: z.strictObject({ body: body('Risposta finale'), public: z.boolean({ error: 'Pubblica: vero o falso.' }).default(true) }),
  // A rejected report is never public: its reason goes to the reporter only.
  reject: z.strictObject({ body: body('Motivo del rifiuto') }),
  // The original by its reference (as citizens and mails name reports), its protocol number, or its document id.
  mark_duplicate: z.strictObject({
    original: z
      .string({ error: 'Segnalazione originale: il riferimento (es. K7QM-3XPA) o il numero di protocollo.' })
      .pipe(textField('Segnalazione originale', { min: 1, max: 40, shape: 'line', tooShort: 'Segnalazione originale: obbligatoria.' })),
  }),
  reopen: z.strictObject({ reason: reason('Motivo della riapertura') }),
} satisfies Record<Action, z.ZodType>;

export type ActionInput<A extends Action> = z.output<(typeof ACTION_INPUT)[A]>;

/** An action with its input: the input's type follows the action. */
export type ActionStep<A extends Action = Action> = A extends Action ? { readonly action: A; readonly input: ActionInput<A> } : never;

export function parseActionStep<A extends Action>(action: A, raw: unknown): Parsed<ActionStep<A>> {
  const parsed = parseActionInput(action, raw);
  // TypeScript does not tie a generic action to its own input; `parseActionInput` just did.
  return parsed.ok ? { ok: true, value: { action, input: parsed.value } as ActionStep<A> } : parsed;
}

export function parseActionInput<A extends Action>(action: A, raw: unknown): Parsed<ActionInput<A>> {
  const result = ACTION_INPUT[action].safeParse(raw ?? {});
  return result.success ? { ok: true, value: result.data as ActionInput<A> } : { ok: false, errors: inputErrors(result.error) };
}
