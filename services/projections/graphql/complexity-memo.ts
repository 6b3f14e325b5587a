import type { DocumentNode, TypeNode } from 'graphql';
import { graphql } from './graphql-js.js';
import { checkComplexity, type OperationToCheck } from './limits.js';

const { getVariableValues, Kind } = graphql;

/**
 * The complexity guard cost 3–6 % of a `resident(id)` request, recomputing the same answer for the
 * same document on every request. Its count depends on the document, the operation, and only the
 * variables that can reach a `first` (Int) or an `@include`/`@skip` (Boolean): validation keeps
 * every variable in a position of its type, so a String or ID variable cannot change it. Passes
 * are kept per parsed document (Apollo reuses one DocumentNode per query text) and per coerced
 * value of those variables; refusals are never kept, they are rare and recomputed.
 */
const COUNTED = new Set(['Int', 'Boolean']);
/** Distinct variable values kept per document before its entries are dropped. */
const KEPT_PER_DOCUMENT = 256;

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

export const memoizedComplexityCheck = (maxComplexity: number): ((operation: OperationToCheck) => void) => {
  const passed = new WeakMap<DocumentNode, Set<string>>();
  return (op) => {
    const definitions = op.operation.variableDefinitions ?? [];
    const coerced = getVariableValues(op.schema, definitions, { ...op.variables });
    if (coerced.errors !== undefined) return checkComplexity(op, maxComplexity); // as before: left to execution
    const counted = definitions.filter((d) => COUNTED.has(namedType(d.type))).map((d) => coerced.coerced[d.variable.name.value] ?? null);
    const key = JSON.stringify([op.operation.name?.value ?? null, counted]);
    const known = passed.get(op.document) ?? new Set<string>();
    if (known.has(key)) return;
    checkComplexity(op, maxComplexity); // throws QUERY_TOO_COMPLEX
    if (known.size >= KEPT_PER_DOCUMENT) known.clear();
    passed.set(op.document, known.add(key));
  };
};
