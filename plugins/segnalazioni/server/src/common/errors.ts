import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import type { Parsed } from './domain/input-errors';
import type { BodyProblem } from '../http/domain/request-body';

/**
 * 409: the request is well formed, but the report's state does not allow it. Strapi's error
 * middleware renders it in the usual `{ data: null, error: { status, name, message, details } }`.
 */
export function conflict(message: string, details: Record<string, unknown> = {}) {
  return Object.assign(createHttpError(409, message), { details });
}

/** 422: the request is well formed and allowed, but contradicts what was sent before under the same name. */
export function unprocessable(message: string, details: Record<string, unknown> = {}) {
  return Object.assign(createHttpError(422, message), { details });
}

/**
 * 403 with its message kept: Strapi's route authorisation turns any other ForbiddenError thrown
 * by a handler into a bare "Forbidden"; a PolicyError is let through as it is.
 */
export function forbidden(message: string, details: Record<string, unknown> = {}) {
  return new errors.PolicyError(message, details);
}

/** 503: a store we depend on (the photos' bucket or folder) failed; the same request may be sent again later. */
export function unavailable(message: string, details: Record<string, unknown> = {}) {
  return Object.assign(createHttpError(503, message), { details });
}

/** A body that cannot be read, in Strapi's error format with its Italian message and details. */
export function bodyError(problem: BodyProblem) {
  return Object.assign(createHttpError(problem.status, problem.message), { details: problem.details });
}

/** A 400 in Strapi's format (ValidationError) naming every problem: the messages in `message`, each with its field in `details.errors`. */
export function validationError(problems: readonly { readonly message: string }[]) {
  return new errors.ValidationError(problems.map((problem) => problem.message).join(' '), { errors: problems });
}

/** A parsed value, or that 400. */
export function orThrow<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw validationError(parsed.errors);
}
