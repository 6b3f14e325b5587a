import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { graphql } from './graphql-js.js';

const { GraphQLError } = graphql;
import type { Logger } from 'pino';
import { InvalidPageRequestError } from '../read-models/cursor.js';

/** The codes this API raises itself; with Apollo's client-error codes, the only codes a caller sees. */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'QUERY_TOO_COMPLEX' | 'QUERY_TOO_DEEP' | 'UNAVAILABLE';

/** Apollo's codes for requests the caller got wrong: passed through unmasked. */
const CLIENT_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** An error whose message is meant for the caller; never carries personal data. */
export class ApiError extends graphql.GraphQLError {
  constructor(readonly code: ApiErrorCode, message: string, http?: { readonly status: number; readonly headers?: readonly [string, string][] }) {
    const extensions = http === undefined ? { code } : { code, http: { status: http.status, headers: new HeaderMap(http.headers ?? []) } };
    super(message, { extensions });
    this.name = 'ApiError';
  }
}

export const badUserInput = (message: string): ApiError => new ApiError('BAD_USER_INPUT', message);
export const notFound = (message: string): ApiError => new ApiError('NOT_FOUND', message);
export const forbidden = (message: string): ApiError => new ApiError('FORBIDDEN', message, { status: 403 });
export const unauthenticated = (message: string, challenge: string): ApiError =>
  new ApiError('UNAUTHENTICATED', message, { status: 401, headers: [['www-authenticate', challenge]] });

/** Our own error behind Apollo's wrappers (a validation error wraps the scalar's or the rule's error). */
const apiErrorIn = (error: unknown): ApiError | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof ApiError) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return undefined;
};

const shaped = (formatted: GraphQLFormattedError, code: string, message = formatted.message): GraphQLFormattedError => ({
  message,
  ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
  ...(formatted.path === undefined ? {} : { path: formatted.path }),
  extensions: { code },
});

/**
 * The one place where errors become wire format (style guide, "Errors"): stable `extensions.code`
 * values; anything unexpected is logged and masked as "Internal error", so no stack, SQL or
 * personal data leaves the process.
 */
export const formatErrorWith =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const own = apiErrorIn(error);
    if (own !== undefined) return shaped(formatted, own.code);
    const original = unwrapResolverError(error);
    // The read models refuse a cursor or page size a caller sent: bad input, not a fault (read-models/cursor.ts).
    if (original instanceof InvalidPageRequestError) return shaped(formatted, 'BAD_USER_INPUT', `after: ${original.message}`);
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return shaped(formatted, code);
    logger.error({ err: original, path: formatted.path, code }, 'GraphQL request failed: masked as Internal error');
    return shaped(formatted, 'INTERNAL_SERVER_ERROR', 'Internal error');
  };
