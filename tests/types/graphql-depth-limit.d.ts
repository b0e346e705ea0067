// Strapi's own GraphQL depth rule ships without types; the limits' unit test compares against it.
declare module 'graphql-depth-limit' {
  import type { ValidationRule } from 'graphql';

  export default function depthLimit(maxDepth: number, options?: { ignore?: (string | RegExp | ((field: string) => boolean))[] }): ValidationRule;
}
