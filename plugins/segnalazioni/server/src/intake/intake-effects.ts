import type { Core } from '@strapi/strapi';
import { handlerIn, type ActionsWith, type Effect, type IntakeAction, type IntakeEffect } from '../workflow/domain/lifecycle';
import { formatDateTime, type TemplateData, type TemplateName } from '../notifications/domain/mail-templates';
import type { Locale } from '../common/domain/messages';
import type { changedFields, EditableField, EditInput } from './domain/report-input';
import { getService } from '../common/get-service';
import type { IntakeInput } from './intake';
import type { CategoryLevels, OfficeCalendar } from '../service-levels/service-levels';

/**
 * One handler per effect of the lifecycle table's intake rows (submit, edit), as
 * `workflow-effects.ts` is for the workflow's. The intake runs the effects of the row `decide()`
 * returned, in its order, inside its transaction and before it writes the report; what they add up
 * to is written with the report, and their mails are sent with it.
 */

/** One field an edit changes. */
export type FieldChange = ReturnType<typeof changedFields>[number];

/** What each intake action hands its effects: its input, and what the intake found it does. */
interface IntakeInputs {
  readonly submit: { readonly input: IntakeInput };
  readonly edit: {
    readonly input: EditInput;
    readonly changes: readonly FieldChange[];
    readonly photosRemoved: number;
    readonly photosAdded: number;
  };
  readonly comment: { readonly comment: RelayedComment };
}

/** A comment another civic system relays about a report (Open311's servicerequestupdates). */
export interface RelayedComment {
  /** The comment's words (plain text). */
  readonly text: string;
  /** Who relays it: the API token's name. */
  readonly client: string;
  /** Who wrote it, as the client says (name and address), for the office to answer; never public, never in the history. */
  readonly author: string;
  /** What the writer says of the report's state (FIXED, OPEN…), as the client sends it; the office decides. */
  readonly statusHint: string | null;
  /** A photo of theirs, as a link for the office (never fetched). */
  readonly mediaUrl: string | null;
}

/** An intake action with its input: the input's type follows the action. */
export type IntakeStep<A extends IntakeAction = IntakeAction> = A extends IntakeAction ? { readonly action: A } & IntakeInputs[A] : never;

/**
 * A mail an effect asks for: its template and the action's own fields. The intake adds the report's
 * mail data once the report is written (a new report has no reference or id before).
 */
export interface IntakeMail {
  readonly template: TemplateName;
  readonly data: TemplateData;
}

/** What the effects of an intake row add up to. */
export interface IntakeOutcome {
  /** The report's columns, written with it. */
  readonly changes: { readonly dueTakeInChargeAt?: string };
  /** To each address of the report's office. */
  readonly officeMail?: IntakeMail;
  /** To the citizen, on the report's channel. */
  readonly citizenMail?: IntakeMail;
}

export const NO_INTAKE_OUTCOME: IntakeOutcome = { changes: {} };

export interface IntakeEffectContext<A extends IntakeAction> {
  readonly strapi: Core.Strapi;
  readonly step: IntakeStep<A>;
  readonly now: Date;
  /** The language of the citizen's mails (offices read Italian). */
  readonly citizenLocale: Locale;
  /** Where the report is after the action: its category, whose service levels apply, and its office. */
  readonly category: CategoryLevels | null;
  readonly office: OfficeCalendar | null;
  /** What the effects before this one in the row added up to. */
  readonly sofar: IntakeOutcome;
}

export type IntakeEffectHandler<E extends IntakeEffect> = (
  context: IntakeEffectContext<Extract<ActionsWith<E>, IntakeAction>>,
) => Partial<IntakeOutcome> | Promise<Partial<IntakeOutcome>>;

/** How the office's mail names the fields a citizen changed. */
const FIELD_LABELS: Record<EditableField, string> = {
  title: 'Titolo',
  description: 'Descrizione',
  category: 'Categoria',
  address: 'Indirizzo',
  latitude: 'Latitudine',
  longitude: 'Longitudine',
};

const describeValue = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '(vuoto)';
  const text = String(value);
  return text.length > 200 ? `"${text.slice(0, 200)}…"` : `"${text}"`;
};

/** What an edit changed, a line each, for the office. */
function summaryOf({ changes, photosRemoved, photosAdded }: IntakeStep<'edit'>): string {
  return [
    ...changes.map((change) => `- ${FIELD_LABELS[change.field]}: ${describeValue(change.from)} → ${describeValue(change.to)}`),
    ...(photosRemoved ? [`- Foto rimosse: ${photosRemoved}`] : []),
    ...(photosAdded ? [`- Foto aggiunte: ${photosAdded}`] : []),
  ].join('\n');
}

/** `Record`-like over the effects the intake's rows name: TypeScript refuses a missing one, or one no row names. */
export const INTAKE_EFFECT_HANDLERS: { readonly [E in IntakeEffect]: IntakeEffectHandler<E> } = {
  set_due_dates({ strapi, step, now, category, office }) {
    const due = getService(strapi, 'service-levels').dueDates(step.action, now, category, office);
    return { changes: { dueTakeInChargeAt: due.dueTakeInChargeAt?.toISOString() } };
  },

  notify_office({ step }) {
    switch (step.action) {
      case 'submit':
        return { officeMail: { template: 'report-received', data: {} } };
      case 'edit':
        return { officeMail: { template: 'report-modified', data: { changes: summaryOf(step) } } };
      case 'comment': {
        const { text, client, author, statusHint, mediaUrl } = step.comment;
        return { officeMail: { template: 'report-commented', data: { comment: text, client, author, statusHint, commentMediaUrl: mediaUrl } } };
      }
    }
  },

  receipt_to_citizen({ strapi, now, office, citizenLocale }) {
    // Sent while the office is closed, the receipt says when it opens again.
    const opening = getService(strapi, 'service-levels').nextOpening(now, office);
    return {
      citizenMail: { template: 'report-receipt', data: { handledFrom: opening.getTime() > now.getTime() ? formatDateTime(opening, citizenLocale) : '' } },
    };
  },
};

/** The handler of an effect of an intake row, for whichever of the row's actions runs it. */
export function intakeHandlerOf(effect: Effect): IntakeEffectHandler<IntakeEffect> {
  // Each handler takes the actions whose rows name its effect; the table gave us one of those.
  return handlerIn('intake', INTAKE_EFFECT_HANDLERS as Record<IntakeEffect, IntakeEffectHandler<IntakeEffect>>, effect);
}

/** Adds what one effect did to what the row's earlier effects did. */
export function addUpIntake(sofar: IntakeOutcome, more: Partial<IntakeOutcome>): IntakeOutcome {
  return {
    changes: { ...sofar.changes, ...more.changes },
    officeMail: more.officeMail ?? sofar.officeMail,
    citizenMail: more.citizenMail ?? sofar.citizenMail,
  };
}

/** Runs an intake row's effects in its order, each seeing what the ones before it added up to. */
export async function runIntakeEffects(effects: readonly Effect[], context: Omit<IntakeEffectContext<IntakeAction>, 'sofar'>): Promise<IntakeOutcome> {
  let outcome = NO_INTAKE_OUTCOME;
  for (const effect of effects) outcome = addUpIntake(outcome, await intakeHandlerOf(effect)({ ...context, sofar: outcome }));
  return outcome;
}
