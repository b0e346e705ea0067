import createHttpError from 'http-errors';

/**
 * 409: the request is well formed, but the report's state does not allow it. Strapi's error
 * middleware renders it in the usual `{ data: null, error: { status, name, message, details } }`.
 */
export function conflict(message: string, details: Record<string, unknown> = {}) {
  return Object.assign(createHttpError(409, message), { details });
}
