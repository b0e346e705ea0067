/** Office addresses are typed by editors, one or more, separated by commas, semicolons or lines. */

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function parseEmailList(value: string | null | undefined): string[] {
  if (!value) return [];
  const addresses = value
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(addresses)];
}

/** The addresses in the list that are not addresses, for the editor's error message. */
export function invalidEmails(value: string | null | undefined): string[] {
  return parseEmailList(value).filter((address) => !isEmail(address));
}
