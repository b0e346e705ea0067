import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { settingOf } from '../common/settings';
import { openApiDocument, type OpenApiDocument } from './domain/openapi-document';
import { openApiPage } from './domain/openapi-page';

/** The public contract described (OpenAPI 3.1), for programs and, as a page, for people. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const restPrefix = () => strapi.config.get<string>('api.rest.prefix', '/api').replace(/\/+$/, '');
  const documentOf = (): OpenApiDocument =>
    openApiDocument({
      baseUrl: settingOf(strapi, 'publicUrl').replace(/\/+$/, ''),
      restPrefix: restPrefix(),
      municipality: settingOf(strapi, 'municipality').name,
      version: strapi.config.get<string>('info.version', '0.0.0'),
    });

  return {
    async document(ctx: Context) {
      ctx.body = documentOf();
      ctx.type = 'application/vnd.oai.openapi+json; charset=utf-8';
    },

    async page(ctx: Context) {
      ctx.body = openApiPage(documentOf(), `${restPrefix()}/segnalazioni/openapi.json`);
      ctx.type = 'text/html; charset=utf-8';
    },
  };
};
