import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Lexer,
  NoFragmentCyclesRule,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';

const positiveInteger = z.number().int().positive();

const limitsSchema = z.strictObject({
  /** Bytes of the query text (UTF-8), checked before it is parsed. */
  maxQueryBytes: positiveInteger,
  /** Lexical tokens of the query, counted before it is parsed. */
  maxTokens: positiveInteger,
  /** Characters of any string argument, in the query or in its variables. */
  maxArgumentLength: positiveInteger,
  maxAliases: positiveInteger,
  maxDirectives: positiveInteger,
  /** graphql-armor's cost: 2 an object field, 1 a scalar, times 1.5 for each level down. */
  maxCost: positiveInteger,
  /** Levels of fields below the root field, as Strapi's own `depthLimit` counts them. */
  maxDepth: positiveInteger,
});

export type GraphqlLimits = z.output<typeof limitsSchema>;

/** The limits as configured, or a boot failure that says which one is wrong. */
export function readGraphqlLimits(raw: unknown): GraphqlLimits {
  const parsed = limitsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`graphql limits (config/plugins.ts, graphql.config.limits and depthLimit): ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** A request over one of the limits: answered at once with its own status and an Italian message. */
export class GraphqlLimitError extends GraphQLError {
  constructor(limit: keyof GraphqlLimits | 'fragmentCycles', message: string, status = 400) {
    super(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status } } });
  }
}

const tooLongArgument = (limits: GraphqlLimits) =>
  new GraphqlLimitError('maxArgumentLength', `Un argomento della richiesta GraphQL è troppo lungo: al massimo ${limits.maxArgumentLength} caratteri.`);

/** The query text over its size, its tokens or the length of a string in it; null when within them. */
export function querySourceRefusal(query: string | undefined, limits: GraphqlLimits): GraphqlLimitError | null {
  if (query === undefined) return null;
  if (Buffer.byteLength(query, 'utf8') > limits.maxQueryBytes) {
    return new GraphqlLimitError('maxQueryBytes', `La richiesta GraphQL è troppo grande: al massimo ${limits.maxQueryBytes} byte.`, 413);
  }
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > limits.maxTokens) {
        return new GraphqlLimitError('maxTokens', `La richiesta GraphQL è troppo lunga: al massimo ${limits.maxTokens} elementi (token).`);
      }
      if ((token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING) && (token.value ?? '').length > limits.maxArgumentLength) {
        return tooLongArgument(limits);
      }
    }
  } catch {
    // Not valid GraphQL: the parser that follows says where.
    return null;
  }
  return null;
}

/** A string (value or key) in the variables longer than allowed; walked without recursion. */
export function variablesRefusal(variables: Record<string, unknown> | undefined, limits: GraphqlLimits): GraphqlLimitError | null {
  const pending: unknown[] = [variables];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string' && value.length > limits.maxArgumentLength) return tooLongArgument(limits);
    if (Array.isArray(value)) for (const item of value) pending.push(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.length > limits.maxArgumentLength) return tooLongArgument(limits);
        pending.push(item);
      }
    }
  }
  return null;
}

const reportAs = (error: () => GraphqlLimitError) => [(context: ValidationContext | null) => context?.reportError(error())];

/** graphql-armor's rules for aliases, directives, cost and depth, refusing in Italian. */
export function limitRules(limits: GraphqlLimits): ValidationRule[] {
  const { validationRules } = new ApolloArmor({
    // Tokens are counted before parsing (querySourceRefusal); suggestions are hidden by hideFieldSuggestions.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: reportAs(() => new GraphqlLimitError('maxAliases', `Troppi alias nella richiesta GraphQL: al massimo ${limits.maxAliases} (aliases).`)),
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: reportAs(
        () => new GraphqlLimitError('maxDirectives', `Troppe direttive nella richiesta GraphQL: al massimo ${limits.maxDirectives} (directives).`),
      ),
    },
    costLimit: {
      maxCost: limits.maxCost,
      propagateOnRejection: false,
      onReject: reportAs(() => new GraphqlLimitError('maxCost', `La richiesta GraphQL chiede troppo in una volta: costo massimo ${limits.maxCost} (cost).`)),
    },
    maxDepth: {
      // armor counts the root field as a level, Strapi's depthLimit does not; fragments are not levels.
      n: limits.maxDepth + 1,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: reportAs(
        () =>
          new GraphqlLimitError('maxDepth', `La richiesta GraphQL è troppo annidata: al massimo ${limits.maxDepth} livelli sotto il campo principale (depth).`),
      ),
    },
  }).protect();
  return validationRules;
}

/**
 * The first limit a parsed query goes over, or null. Fragment cycles are refused here too, before
 * Strapi's own depth rule (graphql-depth-limit) would recurse on one until the stack overflows.
 */
export function documentRefusal(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[]): GraphqlLimitError | null {
  const [first] = validate(schema, document, [NoFragmentCyclesRule, ...rules]);
  if (!first) return null;
  return first instanceof GraphqlLimitError ? first : new GraphqlLimitError('fragmentCycles', 'Un frammento della richiesta GraphQL include se stesso.');
}

/**
 * Refuses a request over a limit before any work: size, tokens and argument lengths before
 * parsing, the rest before Apollo's own validation (and so before any resolver).
 */
function limitsGate(limits: GraphqlLimits): ApolloServerPlugin {
  const rules = limitRules(limits);
  return {
    async requestDidStart({ request }) {
      const refusal = querySourceRefusal(request.query, limits) ?? variablesRefusal(request.variables, limits);
      if (refusal) throw refusal;
      return {
        async validationDidStart({ schema, document }) {
          const refused = documentRefusal(schema, document, rules);
          if (refused) throw refused;
        },
      };
    },
    // Apollo turns an error thrown by a plugin's hook into a bare 500; thrown again from here it
    // becomes the response itself, with the status it carries (graphql-armor relies on the same).
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof GraphqlLimitError) throw error;
    },
  };
}

/** Without introspection, "Did you mean …?" would still spell out the schema field by field. */
const hideFieldSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/ Did you mean .*\?$/s, '');
      },
    };
  },
};

/** The Apollo plugins that hold GraphQL to its limits (and, without introspection, hide suggestions). */
export function graphqlProtection(limits: GraphqlLimits, { introspection }: { introspection: boolean }): ApolloServerPlugin[] {
  return introspection ? [limitsGate(limits)] : [limitsGate(limits), hideFieldSuggestions];
}
