import type { z } from 'zod';

/** A stored or incoming event names a type the catalogue does not know. */
export class UnknownEventTypeError extends Error {
  override readonly name = 'UnknownEventTypeError';
  constructor(readonly eventType: string) {
    super(`unknown event type "${eventType}"`);
  }
}

/** A stored data version cannot be brought to the current one: no upcaster, or newer than the code. */
export class EventVersionError extends Error {
  override readonly name = 'EventVersionError';
  constructor(
    readonly eventType: string,
    readonly version: number,
    reason: string,
  ) {
    super(`${eventType} v${version}: ${reason}`);
  }
}

/** Dotted path of a zod issue: `data.address.municipalityCode`, `data.grounds[0]`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');

/** An event or its metadata does not match the catalogue: names the type, the field path and the rule. */
export class EventSchemaError extends Error {
  override readonly name = 'EventSchemaError';
  readonly issues: readonly { path: string; message: string }[];
  constructor(
    readonly eventType: string,
    issues: readonly z.core.$ZodIssue[],
    prefix: readonly PropertyKey[] = [],
  ) {
    const named = issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]) || '(root)', message: issue.message }));
    super(`${eventType}: ${named.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.issues = named;
  }
}
