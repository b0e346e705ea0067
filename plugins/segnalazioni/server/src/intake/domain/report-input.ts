import { z } from 'zod';
import { isEmail } from '../../notifications/domain/emails';
import { toParsed, type Parsed } from '../../common/domain/input-errors';
import { textField } from '../../common/domain/plain-text';
import { isWithin, OUTSIDE_TERRITORY, type BoundingBox } from '../../places/domain/territory';

/**
 * What a citizen may send when submitting or editing a report. Validated at the edge; every
 * message is a sentence a citizen understands (Italian, the portal's language).
 */

export const TITLE_LENGTH = { min: 5, max: 120 } as const;
export const DESCRIPTION_LENGTH = { min: 10, max: 4000 } as const;
export const ADDRESS_MAX_LENGTH = 200;
export const MAX_PHOTOS = 5;

const coordinate = (label: string, limit: number) =>
  z
    .number({ error: `${label}: deve essere un numero.` })
    .finite({ error: `${label}: deve essere un numero.` })
    .min(-limit, { error: `${label}: deve essere tra -${limit} e ${limit}.` })
    .max(limit, { error: `${label}: deve essere tra -${limit} e ${limit}.` });

const fields = {
  title: textField('Titolo', { ...TITLE_LENGTH, shape: 'line' }),
  description: textField('Descrizione', { ...DESCRIPTION_LENGTH, shape: 'lines' }),
  category: z
    .string({ error: 'Categoria: indicare la categoria.' })
    .pipe(textField('Categoria', { min: 1, max: 120, shape: 'line', tooShort: 'Categoria: indicare la categoria.' })),
  address: textField('Indirizzo', { min: 0, max: ADDRESS_MAX_LENGTH, shape: 'line' }).nullable().optional(),
  latitude: coordinate('Latitudine', 90).nullable().optional(),
  longitude: coordinate('Longitudine', 180).nullable().optional(),
};

const bothOrNeither = (value: { latitude?: number | null; longitude?: number | null }) => (value.latitude == null) === (value.longitude == null);
const BOTH_OR_NEITHER = { error: 'Posizione: indicare sia la latitudine sia la longitudine, oppure nessuna delle due.', path: ['latitude'] };

export const submissionSchema = z.strictObject(fields, { error: (issue) => notAnObject(issue) }).refine(bothOrNeither, BOTH_OR_NEITHER);

export const editSchema = z
  .strictObject(
    {
      title: fields.title.optional(),
      description: fields.description.optional(),
      category: fields.category.optional(),
      address: fields.address,
      latitude: fields.latitude,
      longitude: fields.longitude,
      removePhotos: z
        .array(z.string().trim().min(1).max(64), { error: 'removePhotos: un elenco di identificativi di foto.' })
        .max(MAX_PHOTOS, { error: `removePhotos: al massimo ${MAX_PHOTOS} foto.` })
        .optional(),
    },
    { error: (issue) => notAnObject(issue) },
  )
  .refine(bothOrNeither, BOTH_OR_NEITHER);

/** Empty form fields count as not given. */
export const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional phone number of a form (the desk's, Open311's): digits, spaces and +, kept as digits and +. */
export const optionalPhone = (label: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ error: `${label}: deve essere un testo.` })
      .trim()
      .regex(/^\+?[0-9 ()./-]{6,30}$/, { error: `${label}: solo cifre, spazi e +, da 6 a 30 caratteri.` })
      .transform((phone) => phone.replace(/[ ()./-]/g, ''))
      .optional(),
  );

/** An optional email address of a form, lower-cased. */
export const optionalEmail = (label: string) =>
  z.preprocess(
    blankAsMissing,
    z
      .string({ error: `${label}: deve essere un testo.` })
      .trim()
      .toLowerCase()
      .refine(isEmail, { error: `${label}: indirizzo non valido.` })
      .optional(),
  );

/**
 * What the URP desk files for a citizen who phoned or came to the counter: the report, the
 * category when the officer knows it (otherwise it waits for triage), and how to reach the citizen.
 */
export const deskSchema = z
  .strictObject(
    {
      ...fields,
      category: z.preprocess(blankAsMissing, fields.category.optional()),
      contactName: z.string({ error: 'Nome del cittadino: obbligatorio.' }).pipe(textField('Nome del cittadino', { min: 2, max: 200, shape: 'line' })),
      contactPhone: optionalPhone('Telefono'),
      contactEmail: optionalEmail('Email'),
    },
    { error: (issue) => notAnObject(issue) },
  )
  .refine(bothOrNeither, BOTH_OR_NEITHER)
  .refine((value) => value.contactPhone !== undefined || value.contactEmail !== undefined, {
    error: "Contatto: indicare il telefono o l'email del cittadino (o entrambi).",
    path: ['contactPhone'],
  });

export type SubmissionInput = z.infer<typeof submissionSchema>;
export type EditInput = z.infer<typeof editSchema>;
export type DeskInput = z.infer<typeof deskSchema>;

/** The report's data as a whole is not an object; unknown keys are named by `toParsed`. */
function notAnObject(issue: { code?: string }): string | undefined {
  return issue.code === 'invalid_type' ? 'I dati della segnalazione devono essere un oggetto JSON.' : undefined;
}

/** Reads the `data` field of the multipart request: JSON text, or an object already parsed. */
export function readJsonField(raw: unknown): Parsed<unknown> {
  if (raw === undefined || raw === null || raw === '') {
    return { ok: false, errors: [{ path: 'data', message: 'Manca il campo "data" con i dati della segnalazione (JSON).' }] };
  }
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, errors: [{ path: 'data', message: 'Il campo "data" non contiene JSON valido.' }] };
  }
}

export function parseSubmission(raw: unknown, box?: BoundingBox | null): Parsed<SubmissionInput> {
  const parsed = toParsed(submissionSchema.safeParse(raw));
  return parsed.ok ? withinTerritory(parsed, box) : parsed;
}

export function parseDeskSubmission(raw: unknown, box?: BoundingBox | null): Parsed<DeskInput> {
  const parsed = toParsed(deskSchema.safeParse(raw));
  return parsed.ok ? withinTerritory(parsed, box) : parsed;
}

export function parseEdit(raw: unknown, box?: BoundingBox | null): Parsed<EditInput> {
  const parsed = toParsed(editSchema.safeParse(raw));
  return parsed.ok ? withinTerritory(parsed, box) : parsed;
}

function withinTerritory<T extends { latitude?: number | null; longitude?: number | null }>(
  parsed: { ok: true; value: T },
  box?: BoundingBox | null,
): Parsed<T> {
  const { latitude, longitude } = parsed.value;
  if (!box || latitude == null || longitude == null) return parsed;
  return isWithin(box, latitude, longitude) ? parsed : { ok: false, errors: [{ path: 'latitude', message: OUTSIDE_TERRITORY }] };
}

export type EditableField = keyof typeof fields;

/** The fields an edit really changes, with their old and new values, for history and the office's mail. */
/** A value of an editable field: text, a coordinate or a category's slug. */
type FieldValue = string | number | null;

export function changedFields(
  before: Partial<Record<EditableField, FieldValue>>,
  edit: Partial<Record<EditableField, FieldValue>>,
): { field: EditableField; from: FieldValue; to: FieldValue }[] {
  return (Object.keys(fields) as EditableField[])
    .filter((field) => field in edit && edit[field] !== undefined && normalise(edit[field]) !== normalise(before[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: edit[field] ?? null }));
}

const normalise = (value: FieldValue | undefined) => (value === undefined || value === null || value === '' ? null : String(value));
