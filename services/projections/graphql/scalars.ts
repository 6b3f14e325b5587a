import type { ValueNode } from 'graphql';
import { Instant, IsoDate } from '../../../events/values.js';
import { badUserInput } from './errors.js';
import { graphql } from './graphql-js.js';

/**
 * The custom scalars, validated where a value enters (style guide: validation at every edge). A bad
 * value is a BAD_USER_INPUT error naming the rule; descriptions stay in the SDL.
 */

const scalar = (name: string, parse: (value: unknown) => string | undefined, rule: string) => {
  const accept = (value: unknown): string => {
    const parsed = parse(value);
    if (parsed === undefined) throw badUserInput(`${name} ${JSON.stringify(String(value).slice(0, 40))}: ${rule}`);
    return parsed;
  };
  return {
    serialize: (value: unknown): string => {
      const parsed = parse(value);
      if (parsed === undefined) throw new TypeError(`${name} cannot represent the value the resolver returned`);
      return parsed;
    },
    parseValue: accept,
    parseLiteral: (node: ValueNode): string => {
      if (node.kind !== graphql.Kind.STRING) throw badUserInput(`${name} must be a string: ${rule}`);
      return accept(node.value);
    },
  };
};

const fromSchema =
  (schema: { safeParse: (value: unknown) => { success: boolean; data?: string } }) =>
  (value: unknown): string | undefined => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };

export const DateScalar = scalar('Date', fromSchema(IsoDate), 'must be an existing calendar date written YYYY-MM-DD (DT-1)');
export const DateTimeScalar = scalar('DateTime', fromSchema(Instant), 'must be an ISO 8601 instant with an explicit offset, e.g. 2026-03-31T16:30:00Z');
