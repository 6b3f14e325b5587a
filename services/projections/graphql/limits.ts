import type {
  ASTVisitor, DocumentNode, FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode, SelectionSetNode, ValidationContext,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ApiError } from './errors.js';
import { graphql } from './graphql-js.js';
import { DEFAULT_PAGE_SIZE } from './paging.js';

const { getNullableType, getVariableValues, isListType, Kind } = graphql;

/** Limits that keep one request from reading the register wholesale (Art. 19-36(3): no bulk export). */

/** The deepest path of the schema today is 7 fields (addressLapses → … → day90 → nominal). */
export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 10_000;

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: MAX_DEPTH, maxComplexity: MAX_COMPLEXITY };
/** A list without `first` (a resident's cards, obligations, a history) is counted as this many items. */
const LIST_ITEMS = 5;

const depthOf = (selectionSet: SelectionSetNode, fragments: (name: string) => FragmentDefinitionNode | null | undefined, seen: ReadonlySet<string>): number => {
  let depth = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue; // introspection has its own shape, and is off in production
      depth = Math.max(depth, 1 + (selection.selectionSet === undefined ? 0 : depthOf(selection.selectionSet, fragments, seen)));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) depth = Math.max(depth, depthOf(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      const fragment = fragments(selection.name.value);
      if (fragment) depth = Math.max(depth, depthOf(fragment.selectionSet, fragments, new Set([...seen, selection.name.value])));
    }
  }
  return depth;
};

/** A validation rule: an operation nested deeper than `maxDepth` fields is QUERY_TOO_DEEP (HTTP 400). */
export const depthLimitRule =
  (maxDepth: number) =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition: (operation: OperationDefinitionNode) => {
      const depth = depthOf(operation.selectionSet, (name) => context.getFragment(name), new Set());
      if (depth > maxDepth) context.reportError(new ApiError('QUERY_TOO_DEEP', `the operation is ${depth} fields deep; at most ${maxDepth} are allowed`));
    },
  });

/** A connection costs its page size times what one edge costs; introspection is not counted. */
const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  if (type.name.endsWith('Connection')) return undefined; // `edges` is the page its connection already counted
  if (field.args.some((arg) => arg.name === 'first')) {
    const first: unknown = args['first'];
    return 1 + childComplexity * Math.max(1, typeof first === 'number' ? first : DEFAULT_PAGE_SIZE);
  }
  if (isListType(getNullableType(field.type))) return 1 + childComplexity * LIST_ITEMS;
  return undefined;
};

export interface OperationToCheck {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * Complexity needs the variables (`first: $n`), which a cached validation rule never sees, so it is
 * checked once the operation is resolved and before anything executes. Variables that do not
 * coerce are left to execution, which rejects them as BAD_USER_INPUT.
 */
export const checkComplexity = ({ schema, document, operation, variables }: OperationToCheck, maxComplexity: number): void => {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...variables });
  if (coerced.errors !== undefined) return;
  let complexity: number | undefined;
  try {
    complexity = getComplexity({
      schema, query: document, variables: { ...variables }, operationName: operation.name?.value,
      estimators: [estimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    complexity = undefined; // more nodes than the library will count
  }
  if (complexity === undefined || complexity > maxComplexity)
    throw new ApiError('QUERY_TOO_COMPLEX', `the operation's complexity is ${complexity ?? 'beyond counting'}; at most ${maxComplexity} is allowed`, { status: 400 });
};
