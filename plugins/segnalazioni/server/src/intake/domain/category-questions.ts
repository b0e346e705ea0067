import { z } from 'zod';
import { toParsed, type Parsed } from '../../common/domain/input-errors';

/**
 * A category's questions of its own ("Quanti cassonetti?", "Targa del veicolo"), which an editor
 * adds to the category in the admin: GeoReport v2 publishes them as the service definition's
 * attributes, and a request answers them with `attribute[code]`. The answers are kept with the
 * report for the office (they are the citizen's words, never public).
 */

export const QUESTION_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type QuestionDatatype = (typeof QUESTION_DATATYPES)[number];

const LISTS: readonly QuestionDatatype[] = ['singlevaluelist', 'multivaluelist'];

const question = z
  .strictObject({
    code: z
      .string({ error: 'code: un codice, per esempio "numero_cassonetti".' })
      .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'code: lettere minuscole, cifre e trattini bassi, al massimo 40, cominciando con una lettera.' }),
    text: z.string({ error: 'text: la domanda.' }).trim().min(1, { error: 'text: la domanda.' }).max(200, { error: 'text: al massimo 200 caratteri.' }),
    datatype: z.enum(QUESTION_DATATYPES, { error: `datatype: uno tra ${QUESTION_DATATYPES.join(', ')}.` }),
    required: z.boolean({ error: 'required: true o false.' }).default(false),
    order: z.number({ error: 'order: un numero.' }).int({ error: 'order: un numero intero.' }).min(1).max(99),
    hint: z.string().trim().max(200, { error: 'hint: al massimo 200 caratteri.' }).optional(),
    values: z
      .array(
        z.strictObject({
          key: z.string().trim().min(1).max(40, { error: 'values.key: al massimo 40 caratteri.' }),
          name: z.string().trim().min(1).max(100, { error: 'values.name: al massimo 100 caratteri.' }),
        }),
      )
      .max(50, { error: 'values: al massimo 50 risposte.' })
      .optional(),
  })
  .refine((entry) => LISTS.includes(entry.datatype) === (entry.values !== undefined && entry.values.length > 0), {
    error: 'values: le risposte possibili servono alle domande a scelta (singlevaluelist, multivaluelist), e solo a quelle.',
    path: ['values'],
  })
  .refine((entry) => new Set(entry.values?.map(({ key }) => key)).size === (entry.values?.length ?? 0), {
    error: 'values: ogni risposta ha una chiave diversa.',
    path: ['values'],
  });

const questions = z
  .array(question, { error: 'Domande: un elenco.' })
  .max(20, { error: 'Domande: al massimo 20 per categoria.' })
  .refine((list) => new Set(list.map(({ code }) => code)).size === list.length, { error: 'Domande: ogni domanda ha un codice diverso.' });

export type CategoryQuestion = z.output<typeof question>;

/** The questions as an editor saved them (null: none). */
export function parseCategoryQuestions(raw: unknown): Parsed<CategoryQuestion[]> {
  if (raw === null || raw === undefined) return { ok: true, value: [] };
  return toParsed(questions.safeParse(raw), 'questions');
}

/** An answer as kept with the report: the question's code and text, and what was answered. */
export type QuestionAnswer = {
  readonly code: string;
  readonly question: string;
  readonly answer: string | number | string[];
};

const storedAnswer = z.object({ code: z.string(), question: z.string(), answer: z.union([z.string(), z.number(), z.array(z.string())]) });

/** The answers kept with a report, as the intake wrote them (anything else reads as none). */
export function storedAnswers(value: unknown): QuestionAnswer[] {
  const parsed = z.array(storedAnswer).safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

const NUMBER = /^-?\d{1,12}([.,]\d{1,6})?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The answers to a category's questions, from what a request sent per code (a list for a
 * multiple choice): every required one answered, each of its type. Codes the category does not
 * ask are not answers (clients send their own, as FixMyStreet's `attribute[report_url]`): left out.
 */
export function answersOf(asked: readonly CategoryQuestion[], sent: Readonly<Record<string, string | readonly string[]>>): Parsed<QuestionAnswer[]> {
  const errors: { path: string; message: string }[] = [];
  const answers: QuestionAnswer[] = [];
  for (const entry of [...asked].sort((a, b) => a.order - b.order)) {
    const path = `attribute[${entry.code}]`;
    const raw = sent[entry.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value: string) => value.trim()).filter((value) => value !== '');
    if (values.length === 0) {
      if (entry.required) errors.push({ path, message: `${path}: risposta obbligatoria ("${entry.text}").` });
      continue;
    }
    if (entry.datatype !== 'multivaluelist' && values.length > 1) {
      errors.push({ path, message: `${path}: una sola risposta.` });
      continue;
    }
    const [value] = values;
    if (entry.datatype === 'number') {
      if (!NUMBER.test(value)) errors.push({ path, message: `${path}: un numero.` });
      else answers.push({ code: entry.code, question: entry.text, answer: Number(value.replace(',', '.')) });
    } else if (entry.datatype === 'datetime') {
      if (!DATETIME.test(value) || Number.isNaN(Date.parse(value))) errors.push({ path, message: `${path}: una data, per esempio 2026-03-15T09:30:00+01:00.` });
      else answers.push({ code: entry.code, question: entry.text, answer: value });
    } else if (entry.datatype === 'singlevaluelist' || entry.datatype === 'multivaluelist') {
      const keys = new Set(entry.values?.map(({ key }) => key));
      const unknown = values.filter((key) => !keys.has(key));
      if (unknown.length) errors.push({ path, message: `${path}: ${unknown.join(', ')} non è tra le risposte possibili (${[...keys].join(', ')}).` });
      else answers.push({ code: entry.code, question: entry.text, answer: entry.datatype === 'multivaluelist' ? values : value });
    } else {
      const limit = entry.datatype === 'text' ? 2000 : 200;
      if (value.length > limit) errors.push({ path, message: `${path}: al massimo ${limit} caratteri.` });
      else answers.push({ code: entry.code, question: entry.text, answer: value });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: answers };
}
