import type { Core } from '@strapi/strapi';
import { withIssueTime } from '../../../plugins/segnalazioni/server/src/accounts/domain/citizen-tokens';

type Claims = Record<string, unknown>;

export interface JwtService {
  issue(payload: Claims, options?: Record<string, unknown>): string | Promise<string>;
  verify(token: string): Promise<Claims>;
}

export type JwtServiceFactory = (deps: { strapi: Core.Strapi }) => JwtService;

/**
 * users-permissions' jwt service, with every token stamped with its issue time to the millisecond,
 * and refused once its account's cut-off has passed it (password changed, blocked, logged out).
 * The strategy verifies every content-API and GraphQL request through `verify`, so this is the one
 * place the rule is enforced. `verify` is replaced on the instance: `getToken` calls `this.verify`.
 */
export const revocableJwt =
  (factory: JwtServiceFactory): JwtServiceFactory =>
  (deps) => {
    const service = factory(deps);
    const issue = service.issue.bind(service);
    const verify = service.verify.bind(service);
    service.issue = (payload, options) => issue(withIssueTime(payload, Date.now()), options);
    service.verify = async (token) => {
      const claims = await verify(token);
      const current = await deps.strapi.plugin('segnalazioni').service('citizen-tokens').isCurrent(claims);
      // The strategy turns any error into "not authenticated": a 401 on routes that need a login.
      if (!current) throw new Error('Invalid token.');
      return claims;
    };
    return service;
  };
