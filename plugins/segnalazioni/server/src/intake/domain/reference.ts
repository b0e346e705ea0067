/**
 * The reference a citizen quotes before a protocol number exists: eight characters of Crockford's
 * base 32 (no I, L, O, U), grouped as `XXXX-XXXX`, easy to read out on the phone.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function formatReference(random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('A reference needs 8 random bytes');
  const chars = Array.from(random.slice(0, 8), (byte) => ALPHABET[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** What a reference looks like, as a regular expression's source (for validators and schemas alike). */
export const REFERENCE_PATTERN = '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$';

export function isReference(value: string): boolean {
  return new RegExp(REFERENCE_PATTERN).test(value);
}
