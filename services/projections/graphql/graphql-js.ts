import { createRequire } from 'node:module';
import type * as GraphQLModule from 'graphql';

/**
 * graphql-js, loaded the way Apollo Server and its schema builder load it. graphql 16 ships CommonJS
 * (`main`) beside ESM (`module`) without an `exports` map: Node resolves both `import` and `require`
 * to the CommonJS build, but a bundler-style resolver (vitest) gives ESM files the ESM build — two
 * copies, whose `instanceof` checks reject each other's schema objects and errors. Taking every
 * runtime value from here keeps one copy wherever the code runs; types may be imported directly.
 */
export const graphql: typeof GraphQLModule = createRequire(import.meta.url)('graphql');
