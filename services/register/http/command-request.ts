import type { Request } from 'express';
import type { z } from 'zod';
import { RESIDENT_EVENT_REGISTRY, type ResidentEvent } from '../../../events/catalogue.js';
import { ResidentId } from '../../../events/values.js';
import type { CommandRequest } from '../application/command-handler.js';
import { COMMAND_EVENTS, type CommandType, type ResidentCommand } from '../domain/commands.js';
import { fieldErrorsOf, isPlainObject, RequestValidationError, UnsupportedMediaTypeError, type FieldError } from './validation.js';

const PRINTABLE = /^[\x20-\x7E]{1,200}$/;
const IF_MATCH = /^"(-1|0|[1-9]\d{0,14})"$/;

/** `PermitLanding` → `permit-landing`: the last segment of the command's URL. */
export const kebabCase = (type: string): string => type.replace(/[A-Z]/g, (letter, i: number) => `${i === 0 ? '' : '-'}${letter.toLowerCase()}`);

/** The `:residentId` of the path: the register's own UUID (architecture decision 1). */
export const parseResidentIdParam = (value: unknown): string => {
  const parsed = ResidentId.safeParse(value);
  if (!parsed.success) throw new RequestValidationError([{ in: 'path', field: 'residentId', rule: 'must be a UUID (the register\'s resident id)' }]);
  return parsed.data;
};

/** Idempotency-Key and X-Correlation-Id: 1–200 printable ASCII characters. */
const printableHeader = (req: Request, name: string, errors: FieldError[]): string | undefined => {
  const value = req.get(name);
  if (value === undefined) return undefined;
  if (PRINTABLE.test(value)) return value;
  errors.push({ in: 'header', field: name, rule: 'must be 1–200 printable ASCII characters' });
  return undefined;
};

/** If-Match: `"<revision>"` (the ETag of an earlier answer), `"-1"` for "no record yet", `*` for "any record". */
const ifMatch = (req: Request, errors: FieldError[]): number | 'exists' | undefined => {
  const value = req.get('if-match')?.trim();
  if (value === undefined) return undefined;
  if (value === '*') return 'exists';
  const match = IF_MATCH.exec(value);
  if (match?.[1] !== undefined) return Number(match[1]);
  errors.push({ in: 'header', field: 'If-Match', rule: 'must be one strong ETag "<revision>" (e.g. "3", or "-1" for no record yet) or *' });
  return undefined;
};

/** The event schema parses the command's data: the same rules as the catalogue's, cross-field refinements included. */
const parseData = (type: CommandType, body: Record<string, unknown>, residentId: string): ResidentCommand | FieldError[] => {
  const eventType = COMMAND_EVENTS[type];
  const schema: z.ZodType<ResidentEvent> = RESIDENT_EVENT_REGISTRY[eventType].schema;
  const parsed = schema.safeParse({ type: eventType, data: { ...body, residentId } });
  if (!parsed.success) return fieldErrorsOf('body', parsed.error.issues, 1);
  const data: Record<string, unknown> = parsed.data.data;
  const unknown = Object.keys(body).filter((key) => !(key in data));
  if (unknown.length > 0) return unknown.map((field) => ({ in: 'body', field, rule: `is not a field of ${type}` }));
  // The schema of COMMAND_EVENTS[type] parsed it, so this is the data of `type` (TS cannot correlate the union).
  return { type, data: parsed.data.data } as ResidentCommand;
};

const bodyCommand = (type: CommandType, body: unknown, residentId: string, errors: FieldError[]): ResidentCommand | undefined => {
  if (body === undefined) throw new UnsupportedMediaTypeError('the body must be JSON, sent with Content-Type: application/json');
  if (!isPlainObject(body)) {
    errors.push({ in: 'body', field: '(whole body)', rule: 'must be a JSON object' });
    return undefined;
  }
  if (body['residentId'] !== undefined && body['residentId'] !== residentId)
    errors.push({ in: 'body', field: 'residentId', rule: 'must equal the resident id of the path, or be left out' });
  const parsed = parseData(type, body, residentId);
  if (Array.isArray(parsed)) errors.push(...parsed);
  return Array.isArray(parsed) ? undefined : parsed;
};

/** An HTTP command request as the command handler takes it; every broken rule is reported at once. */
export const parseCommandRequest = (type: CommandType, req: Request, officerId: string): CommandRequest => {
  const residentId = parseResidentIdParam(req.params['residentId']);
  const errors: FieldError[] = [];
  const idempotencyKey = printableHeader(req, 'Idempotency-Key', errors);
  const correlationId = printableHeader(req, 'X-Correlation-Id', errors);
  const expectedRevision = ifMatch(req, errors);
  const body: unknown = req.body;
  const command = bodyCommand(type, body, residentId, errors);
  if (command === undefined || errors.length > 0) throw new RequestValidationError(errors);
  return {
    residentId, command, officerId,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  };
};
