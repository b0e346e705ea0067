import type { Context, Next } from 'koa';
import { finalCacheControl } from './domain/http-cache';

/**
 * The last word on Cache-Control for every answer (outermost but the logger, so it sees the error
 * answers too): what a route chose stays, unless the answer sets a cookie or is an error; an answer
 * whose route chose nothing is kept by nobody (http/domain/http-cache.ts).
 */
export default () => async (ctx: Context, next: Next) => {
  await next();
  ctx.set(
    'Cache-Control',
    finalCacheControl({
      status: ctx.status,
      cacheControl: ctx.response.get('Cache-Control') || undefined,
      setsCookie: ctx.response.get('Set-Cookie').length > 0,
    }),
  );
};
