import type { Core } from '@strapi/strapi';
import type { ApolloServerPlugin } from '@apollo/server';
import { parseArchiveQuery } from './domain/archive-query';
import { isDocumentId } from '../common/domain/ids';
import { orThrow } from '../common/errors';
import { graphqlProtection, readGraphqlLimits } from './graphql-limits';
import { getService } from '../common/get-service';
import { UID } from '../common/domain/uids';

const TYPE_DEFS = /* GraphQL */ `
  type SegnalazioniOfficeName {
    name: String!
  }
  type SegnalazioniCategory {
    documentId: ID!
    name: String!
    slug: String!
    description: String!
    office: SegnalazioniOfficeName
    reportCount: Int!
    "how far from a new report's point the portal looks for the same problem already reported (metres)"
    nearbyMetres: Int!
  }
  type SegnalazioniCategoryRef {
    name: String!
    slug: String!
  }
  type SegnalazioniPhoto {
    url: String!
    width: Int
    height: Int
    formats: JSON
  }
  type SegnalazioniReply {
    kind: String!
    body: String!
    createdAt: String!
  }
  "the original of a report closed as its duplicate"
  type SegnalazioniDuplicateOf {
    documentId: ID!
    reference: String!
  }
  type SegnalazioniReport {
    documentId: ID!
    protocolNumber: String
    title: String!
    text: String!
    category: SegnalazioniCategoryRef
    status: String!
    photos: [SegnalazioniPhoto!]!
    address: String
    latitude: Float
    longitude: Float
    submittedAt: String!
    publishedAt: String
    closedAt: String
    duplicateOf: SegnalazioniDuplicateOf
    replies: [SegnalazioniReply!]!
  }
  type SegnalazioniPagination {
    page: Int!
    pageSize: Int!
    pageCount: Int!
    total: Int!
    "false when the matches were counted only up to 1,000: there are at least total"
    totalExact: Boolean!
  }
  type SegnalazioniCursor {
    "pass as cursor to get the next page in publication order; null on the last page and for relevance"
    next: String
  }
  type SegnalazioniReportList {
    data: [SegnalazioniReport!]!
    pagination: SegnalazioniPagination!
    cursor: SegnalazioniCursor!
  }
  extend type Query {
    segnalazioniReports(
      q: String
      category: String
      status: String
      from: String
      to: String
      page: Int
      pageSize: Int
      sort: String
      cursor: String
      "minLng,minLat,maxLng,maxLat: reports whose public point is inside"
      bbox: String
      "lat,lng: reports whose public point is within radius metres (default 100)"
      near: String
      radius: Int
    ): SegnalazioniReportList!
    segnalazioniReport(documentId: ID!): SegnalazioniReport
    segnalazioniCategories: [SegnalazioniCategory!]!
  }
`;

const definedOnly = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && value !== null));

interface ApolloConfig {
  introspection?: boolean;
  plugins?: ApolloServerPlugin[];
}

/**
 * Adds the limits (graphql.config.limits and depthLimit in config/plugins.ts) to the Apollo server
 * the graphql plugin builds in its bootstrap. It merges `apolloServer` into its defaults with
 * array concatenation (5.54, dist/server/bootstrap.js), so these plugins come after its own.
 */
function protectApollo(strapi: Core.Strapi): void {
  const limits = readGraphqlLimits({ ...strapi.config.get('plugin::graphql.limits', {}), maxDepth: strapi.config.get('plugin::graphql.depthLimit') });
  const apollo = strapi.config.get<ApolloConfig>('plugin::graphql.apolloServer', {});
  // Apollo's own default when introspection is not set.
  const introspection = apollo.introspection ?? process.env.NODE_ENV !== 'production';
  strapi.config.set('plugin::graphql.apolloServer', { ...apollo, plugins: [...(apollo.plugins ?? []), ...graphqlProtection(limits, { introspection })] });
}

/**
 * GraphQL serves the same public read model as REST (the archive service) and nothing else: the
 * generated queries and mutations of the plugin's types are switched off.
 */
export function registerGraphql(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  protectApollo(strapi);
  const extension = graphql.service('extension');
  for (const uid of Object.values(UID)) extension.shadowCRUD(uid).disable();

  extension.use(() => ({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        segnalazioniReports: async (_parent: unknown, args: Record<string, unknown>) => {
          return getService(strapi, 'archive').list(orThrow(parseArchiveQuery(definedOnly(args))));
        },
        // An id Strapi could not have made names no report: null, as REST's 404, without a query.
        segnalazioniReport: (_parent: unknown, { documentId }: { documentId: string }) =>
          isDocumentId(documentId) ? getService(strapi, 'archive').findOne(documentId) : null,
        segnalazioniCategories: () => getService(strapi, 'categories').listPublic(),
      },
    },
    resolversConfig: {
      'Query.segnalazioniReports': { auth: false },
      'Query.segnalazioniReport': { auth: false },
      'Query.segnalazioniCategories': { auth: false },
    },
  }));
}
