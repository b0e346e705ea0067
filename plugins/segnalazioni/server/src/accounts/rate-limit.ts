import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import { authRouteGroup, retryMessage, type LimitGroup } from './domain/rate-limit';
import { getService } from '../common/get-service';
import { PLUGIN_ID } from '../common/domain/uids';

const NAME = `plugin::${PLUGIN_ID}.rate-limit`;
const AUTH_RATE_LIMIT = 'plugin::users-permissions.rateLimit';
const ADMIN_RATE_LIMIT = 'admin::rateLimit';

interface RouteInfo {
  path?: string;
  info?: { pluginName?: string };
}

/** A route's limit: put in the route's `config.middlewares`, where the logged-in citizen is known. */
export const rateLimited = (group: LimitGroup) => ({ name: NAME, config: { group } });

/**
 * The path of a users-permissions route below the REST prefix: its route's own when the router
 * reached it, else the request's (its GraphQL mutations set the path of the REST route they stand for).
 */
function authPathOf(ctx: Context, strapi: Core.Strapi): string {
  const route = ctx.state.route as RouteInfo | undefined;
  if (route?.info?.pluginName === 'users-permissions' && route.path) return route.path;
  const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/, '');
  return ctx.request.path.startsWith(prefix) ? ctx.request.path.slice(prefix.length) : ctx.request.path;
}

function emailOf(ctx: Context): unknown {
  const body: unknown = ctx.request.body;
  return body !== null && typeof body === 'object' ? (body as { email?: unknown }).email : undefined;
}

/**
 * Counts the request against its group's limits (database counters shared by every server
 * process) and answers 429 with Retry-After when one of them is exceeded.
 */
const rateLimit =
  (config: { group?: LimitGroup }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const group = config.group ?? authRouteGroup(authPathOf(ctx, strapi));
    const user = ctx.state.user as { id?: number } | undefined;
    const decision = await getService(strapi, 'rate-limits').hit(group, { ip: ctx.request.ip, citizenId: user?.id, email: emailOf(ctx) });
    if (!decision.allowed) {
      ctx.set('Retry-After', String(decision.retryAfterSeconds));
      throw new errors.RateLimitError(retryMessage(decision.retryAfterSeconds), {
        retryAfterSeconds: decision.retryAfterSeconds,
        retryAt: decision.retryAt.toISOString(),
      });
    }
    return next();
  };

/**
 * users-permissions' and the admin's own limiters keep their counts in each process's memory
 * (the admin's: 5 tries in 5 minutes per email, path and address, forgotten on restart); every
 * route and GraphQL mutation that calls them gets ours instead (users-permissions' `ratelimit`
 * setting is off). The admin's routes are its login and its first administrator's registration.
 */
export function replaceAuthRateLimit(strapi: Core.Strapi): void {
  strapi.get('middlewares').extend(AUTH_RATE_LIMIT, () => rateLimit);
  strapi
    .get('middlewares')
    .extend(ADMIN_RATE_LIMIT, () => (_config: unknown, context: { strapi: Core.Strapi }) => rateLimit({ group: 'staffLogins' }, context));
}

export default rateLimit;
