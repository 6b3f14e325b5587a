/** The GraphQL query API: what the composition root wires (see router.ts). */
export { createGraphqlRouter, type GraphqlRouter, type GraphqlRouterDeps } from './router.js';
export type { GraphqlAuth } from './access.js';
export { schemaFilePath } from './schema-file.js';
