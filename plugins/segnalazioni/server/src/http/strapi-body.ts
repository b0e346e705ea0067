import type { Core } from '@strapi/strapi';

/** Strapi's own body parser (`strapi::body`, koa-body and formidable) with the given config. */
export function strapiBodyParser(strapi: Core.Strapi, config: Record<string, unknown>): Core.MiddlewareHandler {
  const parser = strapi.middleware('strapi::body')(config, { strapi });
  if (!parser) throw new Error('strapi::body gave no middleware');
  return parser;
}
