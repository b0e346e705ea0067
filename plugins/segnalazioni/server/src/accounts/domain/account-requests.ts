import { z } from 'zod';
import { toParsed, type Parsed } from '../../common/domain/input-errors';
import { LOCALES, type Locale } from '../../common/domain/messages';

/**
 * What a citizen sends to the account routes we answer ourselves (forgot password, resend the
 * confirmation, reset the password, their language). The pages their mails link to are in links.ts.
 */

const INVALID_EMAIL = 'Email: indica un indirizzo email valido.';
export const INVALID_RESET_CODE = 'Il collegamento per reimpostare la password non è valido o è scaduto: chiedine uno nuovo.';

const INVALID_LANGUAGE = 'Lingua: "it" (italiano) oppure "en" (inglese).';

/** Our reset codes are 64 hex digits; anything else is refused before any lookup. */
export const RESET_CODE_PATTERN = /^[0-9a-f]{64}$/;

const emailRequestSchema = z.object({ email: z.email({ error: INVALID_EMAIL }).max(254, { error: INVALID_EMAIL }) }, { error: INVALID_EMAIL });
const resetCodeSchema = z.object(
  { code: z.string({ error: INVALID_RESET_CODE }).regex(RESET_CODE_PATTERN, { error: INVALID_RESET_CODE }) },
  { error: INVALID_RESET_CODE },
);

/** A citizen's language: one of the locales, spelt exactly. */
const language = z.enum(LOCALES, { error: INVALID_LANGUAGE });
const languageRequestSchema = z.strictObject(
  { language },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Campi non previsti: ${(issue.keys ?? []).join(', ')}.` : INVALID_LANGUAGE) },
);
/** Registration's own fields are users-permissions' to check; the language is ours. */
const registrationLanguageSchema = z.object({ language: language.optional() });

/** `{ email }` of forgot-password and send-email-confirmation; the address compared in lower case. */
export function parseEmailRequest(body: unknown): Parsed<{ email: string }> {
  const result = toParsed(emailRequestSchema.safeParse(body));
  return result.ok ? { ok: true, value: { email: result.value.email.toLowerCase() } } : result;
}

/** The `code` of reset-password; the rest of the body is users-permissions' to check. */
export const parseResetCode = (body: unknown): Parsed<{ code: string }> => toParsed(resetCodeSchema.safeParse(body));

/** `{ language }`, and nothing else, of the citizen's language switch. */
export const parseLanguageRequest = (body: unknown): Parsed<{ language: Locale }> => toParsed(languageRequestSchema.safeParse(body));

/** The `language` of a registration, when it has one (the account is Italian otherwise). */
export function parseRegistrationLanguage(body: unknown): Parsed<{ language?: Locale }> {
  // A body that is no object is users-permissions' to refuse, with its own message.
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: true, value: {} };
  return toParsed(registrationLanguageSchema.safeParse(body));
}

/** A reset code counts until its expiry; a code without one (made before expiries existed) does not. */
export function isResetCodeCurrent(expiresAt: Date | string | number | null | undefined, now: number): boolean {
  if (expiresAt === null || expiresAt === undefined) return false;
  const expiry = new Date(expiresAt).getTime();
  return !Number.isNaN(expiry) && now < expiry;
}
