import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../common/get-service';
import { linksOf } from '../common/links';
import { orThrow } from '../common/errors';
import { settingOf } from '../common/settings';
import { answersOf } from '../intake/domain/category-questions';
import { parseBoundingBox } from '../places/domain/territory';
import { PUBLISHED_WHERE } from '../archive/domain/visibility';
import type { ReferencedReport } from '../archive/archive';
import { UID } from '../common/domain/uids';
import { rowsOf } from '../common/rows';
import { MEDIA_TYPES, OPEN311_FORMATS, renderDocument, type Open311Format, type Open311Value } from './domain/georeport-document';
import {
  identifiersOf,
  MAX_UPDATES,
  STATUS_HINT_WORDS,
  requestUpdateOf,
  serviceDefinitionOf,
  serviceOf,
  serviceRequestOf,
  statusesOf,
} from './domain/georeport';
import { apiKeyParam, parseRequestsQuery, parseRequestUpdate, parseServiceRequest, parseUpdatesQuery } from './domain/georeport-input';
import { discoveryOf } from './domain/georeport-discovery';
import { open311Client } from './open311-clients';

const NOT_FOUND = 'Risorsa Open311 inesistente: vedere discovery.xml.';

/** The format the address's suffix names (`.xml`, `.json`); any other is no resource of ours. */
function formatOf(ctx: Context): Open311Format {
  const format = (ctx.params as { format?: string }).format;
  if (!(OPEN311_FORMATS as readonly string[]).includes(format ?? '')) throw new errors.NotFoundError(NOT_FOUND);
  return format as Open311Format;
}

function respond(ctx: Context, root: string, value: Open311Value, status = 200): void {
  const format = formatOf(ctx);
  ctx.status = status;
  ctx.type = MEDIA_TYPES[format];
  ctx.body = renderDocument(format, root, value);
}

/**
 * GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2: the active categories as
 * services, the published reports as service requests (public fields only, from the archive's
 * projection), and new requests through the same intake as every channel, moderated like any.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => linksOf(strapi);

  /** The service requests of these published reports, named by their references, each with the office of its category. */
  async function requestsOf(reports: readonly ReferencedReport[]): Promise<Open311Value[]> {
    const services = await getService(strapi, 'categories').listServices();
    const agencies = new Map(services.map((service) => [service.slug, service.office?.name ?? null]));
    const absolute = links().absolute;
    return reports.map(({ report, reference }) =>
      serviceRequestOf(report, { reference, agency: report.category ? (agencies.get(report.category.slug) ?? null) : null, absolute }),
    );
  }

  const activeService = async (code: string) => (await getService(strapi, 'categories').listServices()).find((entry) => entry.slug === code) ?? null;

  return {
    async discovery(ctx: Context) {
      const open311 = settingOf(strapi, 'open311');
      const urp = settingOf(strapi, 'urpEmail');
      respond(
        ctx,
        'discovery',
        discoveryOf({
          url: links().absolute('/open311/v2/'),
          contact: open311.contact || `Ufficio Relazioni con il Pubblico: ${urp}`,
          keyService: open311.keyService || `La chiave per inviare segnalazioni si chiede all'Ufficio Relazioni con il Pubblico: ${urp}`,
        }),
      );
    },

    async services(ctx: Context) {
      respond(ctx, 'services', (await getService(strapi, 'categories').listServices()).map(serviceOf));
    },

    async serviceDefinition(ctx: Context) {
      const code = String((ctx.params as { code: string }).code);
      const found = await activeService(code);
      if (!found) throw new errors.NotFoundError(`service_code: "${code}" non è un servizio attivo (vedere services.xml).`);
      respond(ctx, 'service_definition', serviceDefinitionOf(found));
    },

    async requests(ctx: Context) {
      const query = orThrow(parseRequestsQuery(ctx.query, getService(strapi, 'clock').now().getTime()));
      const archive = getService(strapi, 'archive');
      const reports =
        query.kind === 'ids'
          ? await archive.byIdentifiers(query.identifiers)
          : await archive.page({
              categories: query.serviceCodes ?? undefined,
              statuses: query.statuses ? query.statuses.flatMap(statusesOf) : undefined,
              submittedMs: { since: query.sinceMs, until: query.untilMs },
              q: query.q,
              place: query.place,
              sort: 'newest',
              bySubmission: true,
              page: query.page,
              pageSize: query.pageSize,
            });
      respond(ctx, 'service_requests', await requestsOf(reports));
    },

    async request(ctx: Context) {
      const identifiers = identifiersOf([String((ctx.params as { id: string }).id)]);
      const reports = identifiers ? await getService(strapi, 'archive').byIdentifiers(identifiers) : [];
      const requests = await requestsOf(reports);
      if (requests.length === 0) throw new errors.NotFoundError('service_request_id: nessuna segnalazione pubblicata con questo identificativo.');
      respond(ctx, 'service_requests', requests);
    },

    /** The public replies to published reports within a window, oldest first (mySociety's extension). */
    async updates(ctx: Context) {
      const { sinceMs, untilMs } = orThrow(parseUpdatesQuery(ctx.query, getService(strapi, 'clock').now().getTime()));
      const replies = await rowsOf(strapi, UID.reply).findMany({
        where: { isPublic: true, createdAt: { $gte: new Date(sinceMs).toISOString(), $lte: new Date(untilMs).toISOString() }, report: PUBLISHED_WHERE },
        select: ['documentId', 'kind', 'body', 'createdAt'],
        populate: { report: { select: ['reference'] } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        limit: MAX_UPDATES,
      });
      respond(
        ctx,
        'service_request_updates',
        replies.flatMap((reply) => (reply.report ? [requestUpdateOf({ ...reply, createdAt: String(reply.createdAt) }, reply.report.reference)] : [])),
      );
    },

    /**
     * mySociety's `POST servicerequestupdates`: a comment on a report, relayed by a client (FixMyStreet
     * sends its users' updates so). A client may comment on the published reports and on those it
     * sent; any other is no report of its (404). The comment is a note for the office, never public.
     */
    async postUpdate(ctx: Context) {
      formatOf(ctx);
      const body = (ctx.request.body ?? {}) as { api_key?: unknown };
      const key = apiKeyParam.safeParse(body.api_key);
      const client = await open311Client(strapi, key.success ? key.data : undefined);
      const update = orThrow(parseRequestUpdate(body));
      const { references, protocolNumbers } = update.identifiers;
      const report = await rowsOf(strapi, UID.report).findOne({
        where: {
          $and: [
            { $or: [{ reference: { $in: [...references] } }, { protocolNumber: { $in: [...protocolNumbers] } }] },
            { $or: [PUBLISHED_WHERE, { channel: 'open311', history: { action: 'submit', actorId: client.id } }] },
          ],
        },
        select: ['documentId'],
      });
      if (!report)
        throw new errors.NotFoundError('service_request_id: nessuna segnalazione pubblicata o inviata da questo servizio con questo identificativo.');
      const { noteId, created } = await getService(strapi, 'intake').comment({
        documentId: report.documentId,
        clientId: client.id,
        clientUpdateId: update.clientUpdateId,
        comment: {
          text: update.text,
          client: client.label,
          author: update.author,
          statusHint: update.statusHint ? STATUS_HINT_WORDS[update.statusHint] : null,
          mediaUrl: update.mediaUrl,
        },
      });
      respond(ctx, 'service_request_updates', [{ update_id: noteId }], created ? 201 : 200);
    },

    /**
     * A new service request, through the same intake as every channel: the key first, then the
     * request, then the category's own questions. It is answered with its id at once; it becomes
     * public, like any report, once the office has taken it in charge and approved its text.
     */
    async create(ctx: Context) {
      formatOf(ctx);
      const body = (ctx.request.body ?? {}) as { api_key?: unknown };
      const key = apiKeyParam.safeParse(body.api_key);
      const client = await open311Client(strapi, key.success ? key.data : undefined);
      const request = orThrow(parseServiceRequest(body, parseBoundingBox(settingOf(strapi, 'territory'))));
      const service = await activeService(request.submission.category);
      if (!service) throw new errors.NotFoundError(`service_code: "${request.submission.category}" non è un servizio attivo (vedere services.xml).`);
      const answers = orThrow(answersOf(service.questions, request.answers));
      const report = await getService(strapi, 'intake').submit({
        contact: { name: request.contact.name, address: request.contact.phone, email: request.contact.email },
        input: request.submission,
        files: [],
        channel: 'open311',
        actor: 'channel',
        actorRef: client,
        extras: { answers: answers.length ? answers : null, mediaUrl: request.mediaUrl },
      });
      respond(
        ctx,
        'service_requests',
        [
          {
            service_request_id: report.reference,
            service_notice: `Segnalazione ${report.reference} ricevuta: sarà pubblicata dopo la verifica dell'ufficio.`,
            account_id: null,
          },
        ],
        201,
      );
    },
  };
};
