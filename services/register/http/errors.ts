import { ConcurrencyExhaustedError, IdempotencyKeyReusedError, RevisionMismatchError } from '../application/errors.js';
import { DomainError } from '../domain/errors.js';
import { ConcurrencyError, IdempotencyConflictError, StoreUnavailableError } from '../store/port.js';
import { problemOf, type Problem, type ProblemTranslator } from './problem.js';
import { RequestValidationError, UnsupportedMediaTypeError } from './validation.js';

const domainProblem = (error: DomainError): Problem =>
  error.code === 'UNKNOWN_RESIDENT'
    ? problemOf('domain', error.code, 404, 'The register has no record of this resident', { detail: error.message })
    : problemOf('domain', error.code, 422, 'The law or the resident\'s record does not allow this command', { detail: error.message });

const concurrencyProblem = (error: RevisionMismatchError | ConcurrencyExhaustedError | ConcurrencyError): Problem =>
  error instanceof RevisionMismatchError
    ? problemOf('concurrency', 'REVISION_MISMATCH', 412, 'The resident\'s record changed since the revision in If-Match', {
        detail: error.message, expectedRevision: error.expected, currentRevision: error.actual,
      })
    : problemOf('concurrency', 'CONCURRENT_UPDATES', 409, 'Other commands kept changing the resident\'s record; retry', { detail: error.message });

/**
 * The one place where the register's errors become RFC 9457 problem details (style.md: one error
 * boundary, stable codes). Unknown errors return undefined and are masked as 500 by problemMiddleware.
 */
export const toProblem: ProblemTranslator = (error) => {
  if (error instanceof RequestValidationError)
    return problemOf('request', 'VALIDATION_FAILED', 400, 'The request is invalid', { detail: error.message, errors: error.errors });
  if (error instanceof UnsupportedMediaTypeError)
    return problemOf('request', 'UNSUPPORTED_MEDIA_TYPE', 415, 'The request body must be JSON', { detail: error.message });
  if (error instanceof DomainError) return domainProblem(error);
  if (error instanceof RevisionMismatchError || error instanceof ConcurrencyExhaustedError || error instanceof ConcurrencyError)
    return concurrencyProblem(error);
  if (error instanceof IdempotencyKeyReusedError || error instanceof IdempotencyConflictError)
    return problemOf('idempotency', 'KEY_REUSED', 409, 'The Idempotency-Key was already used for another request', { detail: error.message });
  if (error instanceof StoreUnavailableError) return problemOf('store', 'UNAVAILABLE', 503, 'The event store is unavailable');
  return undefined;
};
