import type { ApolloServerPlugin, GraphQLRequestContextDidEncounterErrors, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { documentRefusal, graphqlProtection, limitRules, querySourceRefusal, readGraphqlLimits, variablesRefusal, type GraphqlLimits } from './graphql-limits';

const LIMITS: GraphqlLimits = { maxQueryBytes: 8192, maxTokens: 1000, maxArgumentLength: 1000, maxAliases: 15, maxDirectives: 10, maxCost: 5000, maxDepth: 7 };

const schema = buildSchema(`
  type Node { name: String, child: Node, children: [Node] }
  type Query { node(id: ID): Node, nodes: [Node] }
`);

const refusalOf = (query: string, limits = LIMITS) => documentRefusal(schema, parse(query), limitRules(limits));

/** `{ node { child { child … { name } } } }` with `levels` fields below the root one. */
const nested = (levels: number) => `{ node ${'{ child '.repeat(levels - 1)}{ name }${' }'.repeat(levels - 1)} }`;

describe('readGraphqlLimits', () => {
  it('takes positive integers and says which setting is wrong', () => {
    expect(readGraphqlLimits(LIMITS)).toEqual(LIMITS);
    expect(() => readGraphqlLimits({ ...LIMITS, maxAliases: Number.NaN })).toThrow(/maxAliases/);
    expect(() => readGraphqlLimits({ ...LIMITS, maxDepth: undefined })).toThrow(/maxDepth/);
    expect(() => readGraphqlLimits({ ...LIMITS, maxCost: 0 })).toThrow(/maxCost/);
  });
});

describe('querySourceRefusal', () => {
  it('lets a normal query through, and leaves invalid GraphQL to the parser', () => {
    expect(querySourceRefusal('{ node(id: "a") { name } }', LIMITS)).toBeNull();
    expect(querySourceRefusal('{ node(id: "unterminated', LIMITS)).toBeNull();
    expect(querySourceRefusal(undefined, LIMITS)).toBeNull();
  });

  it('counts bytes, not characters, with a 413', () => {
    const refusal = querySourceRefusal(`{ node(id: "${'è'.repeat(4100)}") { name } }`, { ...LIMITS, maxArgumentLength: 10_000 });
    expect(refusal?.message).toBe('La richiesta GraphQL è troppo grande: al massimo 8192 byte.');
    expect(refusal?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxQueryBytes', http: { status: 413 } });
  });

  it('counts tokens before parsing', () => {
    // 3 tokens before the names, 2 after.
    expect(querySourceRefusal(`{ node { ${'name '.repeat(995)}} }`, LIMITS)).toBeNull();
    expect(querySourceRefusal(`{ node { ${'name '.repeat(996)}} }`, LIMITS)?.message).toBe(
      'La richiesta GraphQL è troppo lunga: al massimo 1000 elementi (token).',
    );
  });

  it('bounds string literals, block strings included', () => {
    expect(querySourceRefusal(`{ node(id: "${'a'.repeat(1000)}") { name } }`, LIMITS)).toBeNull();
    for (const literal of [`"${'a'.repeat(1001)}"`, `"""${'a'.repeat(1001)}"""`]) {
      expect(querySourceRefusal(`{ node(id: ${literal}) { name } }`, LIMITS)?.extensions.limit).toBe('maxArgumentLength');
    }
  });
});

describe('variablesRefusal', () => {
  it('bounds every string and key, however deep, without recursion', () => {
    expect(variablesRefusal({ id: 'a'.repeat(1000), list: [{ deep: ['b'] }] }, LIMITS)).toBeNull();
    expect(variablesRefusal({ list: [{ deep: ['b'.repeat(1001)] }] }, LIMITS)?.message).toBe(
      'Un argomento della richiesta GraphQL è troppo lungo: al massimo 1000 caratteri.',
    );
    expect(variablesRefusal({ filter: { ['k'.repeat(1001)]: 1 } }, LIMITS)?.extensions.limit).toBe('maxArgumentLength');
    let deep: unknown = 'c'.repeat(1001);
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(variablesRefusal({ deep }, LIMITS)?.extensions.limit).toBe('maxArgumentLength');
    expect(variablesRefusal(undefined, LIMITS)).toBeNull();
  });
});

describe('documentRefusal', () => {
  it('counts depth as Strapi’s depthLimit does, fragments flattened', () => {
    const strapiDepthErrors = (query: string) => validate(schema, parse(query), [depthLimit(LIMITS.maxDepth)]);
    expect(refusalOf(nested(7))).toBeNull();
    expect(strapiDepthErrors(nested(7))).toEqual([]);
    expect(refusalOf(nested(8))?.message).toBe('La richiesta GraphQL è troppo annidata: al massimo 7 livelli sotto il campo principale (depth).');
    expect(strapiDepthErrors(nested(8))).not.toEqual([]);
    expect(refusalOf(`{ node { ...F } } fragment F on Node { ... on Node { child { child { child { child { child { child { name } } } } } } } }`)).toBeNull();
  });

  it('refuses aliases, directives and cost over their limits', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: node { name }`).join(' ')} }`;
    expect(refusalOf(aliases(15))).toBeNull();
    expect(refusalOf(aliases(16))?.message).toBe('Troppi alias nella richiesta GraphQL: al massimo 15 (aliases).');

    const directives = (n: number) => `{ node { ${'name @include(if: true) '.repeat(n)}} }`;
    expect(refusalOf(directives(10))).toBeNull();
    expect(refusalOf(directives(11))?.message).toBe('Troppe direttive nella richiesta GraphQL: al massimo 10 (directives).');

    // 12 aliases of 40 names 6 levels down: cheap in tokens, about 12 × 40 × 1.5⁶ in cost.
    const costly = `{ ${Array.from(
      { length: 12 },
      (_, i) =>
        `a${i}: ${nested(6)
          .slice(2, -2)
          .replace('{ name }', `{ ${'name '.repeat(40)}}`)}`,
    ).join(' ')} }`;
    expect(querySourceRefusal(costly, LIMITS)).toBeNull();
    expect(refusalOf(costly)?.message).toBe('La richiesta GraphQL chiede troppo in una volta: costo massimo 5000 (cost).');
    expect(refusalOf(costly, { ...LIMITS, maxCost: 100_000 })).toBeNull();
  });

  it('refuses fragment cycles, which would overflow the stack of Strapi’s depth rule', () => {
    expect(refusalOf('{ ...A } fragment A on Query { ...A }')?.message).toBe('Un frammento della richiesta GraphQL include se stesso.');
    expect(refusalOf('{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { children { ...A } }')?.extensions.limit).toBe(
      'fragmentCycles',
    );
  });
});

describe('graphqlProtection', () => {
  const suggestionsAfter = async (plugins: ApolloServerPlugin[]) => {
    const errors = [new GraphQLError('Cannot query field "nam" on type "Node". Did you mean "name"?')];
    for (const plugin of plugins) {
      const listener = (await plugin.requestDidStart?.({ request: {} } as GraphQLRequestContext<object>)) as GraphQLRequestListener<object> | void;
      // The protection reads only the errors of the request's context.
      const context: Pick<GraphQLRequestContextDidEncounterErrors<object>, 'errors'> = { errors };
      await listener?.didEncounterErrors?.(context as GraphQLRequestContextDidEncounterErrors<object>);
    }
    return errors[0].message;
  };

  it('hides "Did you mean" when introspection is off, and keeps it when it is on', async () => {
    expect(await suggestionsAfter(graphqlProtection(LIMITS, { introspection: false }))).toBe('Cannot query field "nam" on type "Node".');
    expect(await suggestionsAfter(graphqlProtection(LIMITS, { introspection: true }))).toBe('Cannot query field "nam" on type "Node". Did you mean "name"?');
  });
});
