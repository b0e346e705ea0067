import type { Locale } from '../../common/domain/messages';
import { MAIL_WORDS } from '../../notifications/domain/mail-templates';
import { STATUS_HINT_WORDS, STATUS_HINTS, type StatusHint } from '../../open311/domain/georeport';
import type { PositionChoice } from './public-place';

/**
 * What a history entry's details say, as an officer reads them in the panel's timeline: words, not
 * the stored values ("testo approvato", not "decision: approve"). Details no one needs to read (ids,
 * counters of internal use) say nothing; an unknown key is left out rather than shown raw.
 */

type Details = Readonly<Record<string, unknown>>;

const POSITIONS: Record<Locale, Record<PositionChoice, string>> = {
  it: { exact: 'posizione pubblica esatta', rounded: 'posizione pubblica arrotondata a circa 50 m', hidden: 'posizione non pubblicata' },
  en: { exact: 'exact public position', rounded: 'public position rounded to about 50 m', hidden: 'position not published' },
};

const NOTICES: Record<Locale, Record<string, string>> = {
  it: {
    email: 'cittadino avvisato per email',
    whatsapp: 'cittadino avvisato su WhatsApp',
    facebook: 'cittadino avvisato su Facebook',
    none: 'cittadino senza recapito: non avvisato',
  },
  en: { email: 'citizen told by email', whatsapp: 'citizen told on WhatsApp', facebook: 'citizen told on Facebook', none: 'citizen has no contact: not told' },
};

const WORDS = {
  it: {
    text: (decision: string) => `testo ${decision}`,
    photo: (decision: string) => `foto ${decision}`,
    redacted: 'testo pubblico modificato',
    public: 'pubblica',
    private: 'riservata',
    unpublished: "tolta dall'archivio pubblico",
    protocol: (value: string) => `protocollo ${value}`,
    reason: (value: string) => `motivo: ${value}`,
    note: (value: string) => `nota: ${value}`,
    office: (to: string, from: string | null) => (from ? `da ${from} a ${to}` : `a ${to}`),
    category: (to: string) => `categoria ${to}`,
    original: (value: string) => `duplicato di ${value}`,
    wasDuplicateOf: (value: string) => `non più duplicato di ${value}`,
    changes: (fields: string) => `modificati: ${fields}`,
    photosAdded: (count: number) => (count === 1 ? '1 foto aggiunta' : `${count} foto aggiunte`),
    photos: (count: number) => (count === 1 ? '1 foto' : `${count} foto`),
    client: (value: string) => `da ${value}`,
    statusHint: (value: string) => `stato indicato: ${value}`,
  },
  en: {
    text: (decision: string) => `text ${decision}`,
    photo: (decision: string) => `photo ${decision}`,
    redacted: 'public text edited',
    public: 'public',
    private: 'private',
    unpublished: 'taken out of the public archive',
    protocol: (value: string) => `protocol number ${value}`,
    reason: (value: string) => `reason: ${value}`,
    note: (value: string) => `note: ${value}`,
    office: (to: string, from: string | null) => (from ? `from ${from} to ${to}` : `to ${to}`),
    category: (to: string) => `category ${to}`,
    original: (value: string) => `duplicate of ${value}`,
    wasDuplicateOf: (value: string) => `no longer a duplicate of ${value}`,
    changes: (fields: string) => `changed: ${fields}`,
    photosAdded: (count: number) => (count === 1 ? '1 photo added' : `${count} photos added`),
    photos: (count: number) => (count === 1 ? '1 photo' : `${count} photos`),
    client: (value: string) => `from ${value}`,
    statusHint: (value: string) => `state given: ${value}`,
  },
} as const;

const FIELD_NAMES: Record<Locale, Record<string, string>> = {
  it: { title: 'titolo', description: 'descrizione', category: 'categoria', address: 'indirizzo', latitude: 'posizione', longitude: 'posizione' },
  en: { title: 'title', description: 'description', category: 'category', address: 'address', latitude: 'position', longitude: 'position' },
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const isDecision = (value: unknown): value is 'approve' | 'reject' => value === 'approve' || value === 'reject';
const isPosition = (value: unknown): value is PositionChoice => value === 'exact' || value === 'rounded' || value === 'hidden';
const isStatusHint = (value: unknown): value is StatusHint => (STATUS_HINTS as readonly unknown[]).includes(value);
const isReplyKind = (value: unknown): value is 'feasibility' | 'progress' => value === 'feasibility' || value === 'progress';

/** The details of one entry of `action`, as short phrases in `locale`, in a fixed order. */
export function describeDetails(action: string, details: Details, locale: Locale): string[] {
  const words = WORDS[locale];
  const mail = MAIL_WORDS[locale];
  const phrases: (string | null)[] = [];
  const { decision } = details;
  if (isDecision(decision)) {
    phrases.push(action === 'moderate_photo' ? words.photo(mail.photoDecision[decision]) : words.text(mail.textDecision[decision]));
  }
  if (details.redacted === true) phrases.push(words.redacted);
  if (isPosition(details.position)) phrases.push(POSITIONS[locale][details.position]);
  if (isReplyKind(details.kind)) phrases.push(mail.replyKinds[details.kind]);
  if (typeof details.public === 'boolean') phrases.push(details.public ? words.public : words.private);
  if (details.unpublished === true) phrases.push(words.unpublished);
  const protocol = text(details.protocolNumber);
  if (protocol) phrases.push(words.protocol(protocol));
  const toOffice = text(details.toOffice);
  if (toOffice && details.toOffice !== details.fromOffice) phrases.push(words.office(toOffice, text(details.fromOffice)));
  const toCategory = text(details.toCategory);
  if (toCategory) phrases.push(words.category(toCategory));
  const original = text(details.original);
  if (original) phrases.push(words.original(original));
  const was = text(details.wasDuplicateOf);
  if (was) phrases.push(words.wasDuplicateOf(was));
  if (Array.isArray(details.changes) && details.changes.length > 0) {
    const fields = [
      ...new Set(
        details.changes.flatMap((change: unknown) =>
          typeof change === 'object' && change !== null && 'field' in change && typeof change.field === 'string'
            ? [FIELD_NAMES[locale][change.field] ?? change.field]
            : [],
        ),
      ),
    ];
    if (fields.length > 0) phrases.push(words.changes(fields.join(', ')));
  }
  if (typeof details.photosAdded === 'number' && details.photosAdded > 0) phrases.push(words.photosAdded(details.photosAdded));
  if (action === 'submit' && typeof details.photos === 'number' && details.photos > 0) phrases.push(words.photos(details.photos));
  const client = text(details.client);
  if (client) phrases.push(words.client(client));
  if (isStatusHint(details.statusHint)) {
    const hint = details.statusHint;
    phrases.push(words.statusHint(locale === 'it' ? STATUS_HINT_WORDS[hint] : hint.toLowerCase().replaceAll('_', ' ')));
  }
  const reason = text(details.reason);
  if (reason) phrases.push(words.reason(reason));
  const note = text(details.note);
  if (note) phrases.push(words.note(note));
  const notice = text(details.citizenNotice);
  if (notice) phrases.push(NOTICES[locale][notice] ?? null);
  return phrases.filter((phrase): phrase is string => phrase !== null);
}
