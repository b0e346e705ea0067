import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { errorsDocument, MEDIA_TYPES, splitFormat, type Open311Format } from './domain/georeport-document';
import { PLUGIN_ID } from '../common/domain/uids';

/** Where GeoReport clients find us: outside the REST prefix, as every Open311 endpoint is. */
export const OPEN311_PATH = '/open311';

interface StrapiErrorBody {
  error?: { status?: number; message?: string; details?: { errors?: { message?: string }[] } };
}

/** What went wrong, in the words of Strapi's error answer: each problem of a 400, else its message (never a 5xx's internals). */
function descriptionsOf(status: number, body: StrapiErrorBody | undefined): string[] {
  if (status >= 500) return ['Errore interno del servizio: riprovare più tardi.'];
  const problems = body?.error?.details?.errors?.map((problem) => problem.message).filter((message): message is string => Boolean(message));
  if (problems?.length) return problems;
  const message = body?.error?.message;
  return [
    status === 404 && (!message || message === 'Not Found') ? 'Risorsa Open311 inesistente: vedere discovery.xml.' : (message ?? 'Richiesta non valida.'),
  ];
}

/**
 * Serves GeoReport v2 at /open311/v2: the request goes on to the plugin's Open311 routes of the
 * content API (so routing, rate limits, caching and the workflow's own-routes rule apply as to any
 * of ours), and every error — as Strapi's error middleware, just inside, answers it — comes back
 * as the spec writes errors, in the format the address asks for (XML unless `.json`):
 * `<errors><error><code/><description/></error></errors>`.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const target = `${String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/, '')}/${PLUGIN_ID}${OPEN311_PATH}`;
  return async (ctx: Context, next: Next) => {
    if (ctx.path !== OPEN311_PATH && !ctx.path.startsWith(`${OPEN311_PATH}/`)) return next();
    const format: Open311Format = splitFormat(ctx.path.slice(ctx.path.lastIndexOf('/') + 1))?.format ?? 'xml';
    ctx.path = `${target}${ctx.path.slice(OPEN311_PATH.length)}`;
    await next();
    if (ctx.status < 400) return;
    const status = ctx.status;
    const body = typeof ctx.body === 'object' && ctx.body !== null ? (ctx.body as StrapiErrorBody) : undefined;
    ctx.type = MEDIA_TYPES[format];
    ctx.body = errorsDocument(format, status, descriptionsOf(status, body));
    ctx.status = status;
  };
};
