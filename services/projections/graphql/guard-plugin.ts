import type { ApolloServerPlugin } from '@apollo/server';
import { checkAccess, FIELD_ROLES } from './access.js';
import type { GraphqlContext } from './context.js';
import { memoizedComplexityCheck } from './complexity-memo.js';
import { rootFieldsOf } from './operation.js';

/**
 * Before anything executes: the role may ask every field of the operation (else FORBIDDEN, 403),
 * and the operation is within the complexity limit (else QUERY_TOO_COMPLEX, 400). At start: every
 * query field of the schema has its roles, so a new field cannot be open by accident.
 */
export const guardPlugin = (maxComplexity: number): ApolloServerPlugin<GraphqlContext> => {
  const checkComplexity = memoizedComplexityCheck(maxComplexity);
  return {
    serverWillStart: async ({ schema }) => {
      const unlisted = Object.keys(schema.getQueryType()?.getFields() ?? {}).filter((field) => FIELD_ROLES[field] === undefined);
      if (unlisted.length > 0) throw new Error(`query fields without roles in FIELD_ROLES: ${unlisted.join(', ')}`);
    },
    requestDidStart: async () => ({
      didResolveOperation: async ({ contextValue, operation, document, schema, request }) => {
        if (operation === undefined) return; // Apollo resolves the operation before this hook; nothing runs without one
        checkAccess(contextValue.actor, rootFieldsOf(operation, document));
        checkComplexity({ schema, document, operation, variables: request.variables ?? {} });
      },
    }),
  };
};
