import { env } from '@strapi/utils';
import plugins from '../../config/plugins';

/** The graphql section of config/plugins.ts as the environment sets it. */
function graphqlConfig(variables: Record<string, string | undefined>) {
  const saved = { ...process.env };
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return plugins({ env }).graphql.config;
  } finally {
    process.env = saved;
  }
}

describe('GraphQL configuration', () => {
  it('turns introspection off in production unless asked, and on elsewhere', () => {
    expect(graphqlConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: undefined }).apolloServer.introspection).toBe(false);
    expect(graphqlConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).apolloServer.introspection).toBe(true);
    expect(graphqlConfig({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: undefined }).apolloServer.introspection).toBe(true);
    expect(graphqlConfig({ NODE_ENV: 'test', GRAPHQL_INTROSPECTION: 'false' }).apolloServer.introspection).toBe(false);
  });

  it('has a default for every limit, and reads each from its variable', () => {
    const names = [
      'GRAPHQL_MAX_QUERY_BYTES',
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_MAX_ARGUMENT_LENGTH',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_DIRECTIVES',
      'GRAPHQL_MAX_COST',
    ];
    expect(graphqlConfig(Object.fromEntries(names.map((name) => [name, undefined]))).limits).toEqual({
      maxQueryBytes: 8192,
      maxTokens: 1000,
      maxArgumentLength: 1000,
      maxAliases: 15,
      maxDirectives: 10,
      maxCost: 5000,
    });
    expect(Object.values(graphqlConfig(Object.fromEntries(names.map((name, i) => [name, String(i + 1)]))).limits)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
