import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { describeParserError, findForbiddenKey, forbiddenKeyProblem, multipartRefused } from './domain/request-body';
import { bodyError } from '../common/errors';
import { fileEndpoints, routeTakesFiles } from './file-routes';
import { strapiBodyParser } from './strapi-body';

/**
 * In place of `strapi::body`: reads JSON, form and text bodies with Strapi's own parser (its
 * config passed through: `includeUnparsed` keeps the raw bytes Meta's webhook signatures are
 * over), answers what it cannot read with a 4xx in Strapi's format and an Italian message, and
 * refuses keys that reach a prototype. Multipart is never read here: a route that takes files
 * parses it itself after authentication (file-routes.ts); to any other route it is a 415, unread.
 */
export default (config: Record<string, unknown>, { strapi }: { strapi: Core.Strapi }) => {
  const parse = strapiBodyParser(strapi, { ...config, multipart: false });
  const endpoints = fileEndpoints(strapi);

  return async (ctx: Context, next: Next) => {
    if (ctx.is('multipart')) {
      if (!routeTakesFiles(strapi, endpoints, ctx.method, ctx.path)) throw bodyError(multipartRefused());
      return next();
    }
    try {
      await parse(ctx, async () => undefined);
    } catch (error) {
      const problem = describeParserError(error);
      throw problem ? bodyError(problem) : error;
    }
    const key = findForbiddenKey(ctx.request.body);
    if (key) throw bodyError(forbiddenKeyProblem(key));
    return next();
  };
};
