import type { z } from 'zod';

/** Where a rejected value was: the URL path, a header, the query string or the JSON body. */
export type FieldLocation = 'path' | 'header' | 'query' | 'body';

/** One broken rule: the field (a dotted path inside the body, or the header / parameter name) and the rule. */
export interface FieldError {
  readonly in: FieldLocation;
  readonly field: string;
  readonly rule: string;
}

/** Architecture decision 9: input rejected at the edge, naming every field and rule (→ 400). */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.in} ${e.field}: ${e.rule}`).join('; '));
  }
}

/** A POST body that is not JSON (→ 415). */
export class UnsupportedMediaTypeError extends Error {
  override readonly name = 'UnsupportedMediaTypeError';
}

/** `grant.expiresOn`, `grounds[1]`: the path of a zod issue below `dropPrefix` leading segments. */
export const fieldPath = (path: readonly PropertyKey[], dropPrefix = 0): string =>
  path
    .slice(dropPrefix)
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`))
    .join('');

/** zod issues as field errors of one location (decision 9: name the field and the rule). */
export const fieldErrorsOf = (where: FieldLocation, issues: readonly z.core.$ZodIssue[], dropPrefix = 0, root = '(whole body)'): FieldError[] =>
  issues.map((issue) => ({ in: where, field: fieldPath(issue.path, dropPrefix) || root, rule: issue.message }));

/** A JSON object (not an array, not null). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
