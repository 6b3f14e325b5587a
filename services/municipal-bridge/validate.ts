import type { z } from 'zod';
import { ResidentEvent } from '../../events/catalogue.js';
import { COMMAND_EVENTS } from '../register/domain/commands.js';
import { fieldPath } from '../register/http/validation.js';
import { commandOf } from './relay-commands.js';
import { futureDateErrors } from './relay-dates.js';
import { Relay } from './relay-schema.js';

/** A broken rule of one record: the relay's field and the rule (decision 9). */
export interface RelayFieldError {
  readonly field: string;
  readonly rule: string;
}

export type Validation =
  | { readonly ok: true; readonly relay: Relay }
  | { readonly ok: false; readonly errors: readonly RelayFieldError[] };

/** Event fields as the relay names them, for rules the event schema holds (e.g. deemed filings). */
const RELAY_FIELD: Readonly<Record<string, string>> = {
  'address.line': 'addressLine', 'address.postalCode': 'postalCode', residenceEstablishedOn: 'movedInOn',
  enteredOn: 'notifiedOn', correctedOn: 'notifiedOn', correction: 'correction', reason: 'deletionReason',
};

const PLACEHOLDER_RESIDENT = '00000000-0000-4000-8000-000000000000';

/** The event the relay would become must satisfy the catalogue's own rules (no second copy of them here). */
const eventErrors = (relay: Relay): RelayFieldError[] => {
  const command = commandOf(relay, PLACEHOLDER_RESIDENT);
  const parsed = ResidentEvent.safeParse({ type: COMMAND_EVENTS[command.type], data: command.data });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const path = fieldPath(issue.path, 1);
    return { field: RELAY_FIELD[path] ?? (path || '(record)'), rule: issue.message };
  });
};

/** A zod issue as relay field errors; an unknown field is named itself. */
const relayErrors = (issue: z.core.$ZodIssue): RelayFieldError[] =>
  issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ field: key, rule: 'is not a field of this type of relay' }))
    : [{ field: fieldPath(issue.path) || '(record)', rule: issue.message }];

/** Parses one record (a JSON value or a CSV row already turned into one) into a relay, or every broken rule. */
export const validateRelay = (raw: unknown, today: string): Validation => {
  const parsed = Relay.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(relayErrors) };
  const errors = [...futureDateErrors(parsed.data, today), ...eventErrors(parsed.data)];
  return errors.length === 0 ? { ok: true, relay: parsed.data } : { ok: false, errors };
};
