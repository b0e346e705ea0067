/**
 * What in a text an officer is about to make public looks like someone's personal data: an email
 * address, a phone number, a vehicle's plate, a tax code, a bank account. A hint for the panel's
 * warning, not a filter: the officer decides, and names are beyond a pattern's reach.
 */

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'plate', 'taxCode', 'iban'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

const PATTERNS: Readonly<Record<PersonalDataKind, RegExp>> = {
  email: /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/u,
  // Italian mobiles (3xx) and land lines (0x…), with or without +39/0039, spaced or dotted as people write them.
  phone: /(?<![\p{L}/])(?<!\d[\s.-]?)(?:(?:\+|00)39[\s.-]?)?(?:3\d{2}|0\d{1,3})(?:[\s.-]?\d){6,8}(?![\s.-]?[\d/])/u,
  // Cars since 1994 (AB 123 CD) and motorbikes (AB 12345).
  plate: /\b[A-HJ-NPR-Z]{2}\s?\d{3}\s?[A-HJ-NPR-Z]{2}\b|\b[A-HJ-NPR-Z]{2}\s?\d{5}\b/i,
  taxCode: /\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b/i,
  iban: /\bIT\d{2}\s?[A-Z](?:\s?\d){10}(?:\s?[\dA-Z]){12}\b/i,
};

/** The kinds of personal data `text` seems to hold, in a fixed order. */
export function personalDataIn(text: string): PersonalDataKind[] {
  return PERSONAL_DATA_KINDS.filter((kind) => PATTERNS[kind].test(text));
}
