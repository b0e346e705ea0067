import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';

/**
 * 409: the request is well formed, but the report's state does not allow it. Strapi's error
 * middleware renders it in the usual `{ data: null, error: { status, name, message, details } }`.
 */
export function conflict(message: string, details: Record<string, unknown> = {}) {
  return Object.assign(createHttpError(409, message), { details });
}

/**
 * 403 with its message kept: Strapi's route authorisation turns any other ForbiddenError thrown
 * by a handler into a bare "Forbidden"; a PolicyError is let through as it is.
 */
export function forbidden(message: string, details: Record<string, unknown> = {}) {
  return new errors.PolicyError(message, details);
}
