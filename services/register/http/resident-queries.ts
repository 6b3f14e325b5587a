import type { RequestHandler, Response } from 'express';
import type { AuditLog } from '../../projections/audit/audit-log.js';
import { z } from 'zod';
import { parseStoredEvent } from '../../../events/parse.js';
import { Instant, IsoDate } from '../../../events/values.js';
import { toFact } from '../application/command-attempt.js';
import { residentStreamId } from '../application/command-handler.js';
import { DomainError } from '../domain/errors.js';
import { statusAt } from '../domain/status.js';
import { collect, type EventStore, type RecordedEvent } from '../store/port.js';
import { officerOf } from './auth.js';
import { parseResidentIdParam } from './command-request.js';
import { fieldErrorsOf, RequestValidationError } from './validation.js';

const StatusQuery = z.object({ asOf: IsoDate, knownAt: Instant.optional() });

/** The resident's stream, or UNKNOWN_RESIDENT (→ 404) when the register has no record of them. */
const readResident = async (store: EventStore, residentId: string): Promise<RecordedEvent[]> => {
  const stream = await collect(store.readStream(residentStreamId(residentId)));
  if (stream.length === 0) throw new DomainError('UNKNOWN_RESIDENT', `no record of resident ${residentId}`);
  return stream;
};

const eventView = (recorded: RecordedEvent) => {
  const { event, metadata } = parseStoredEvent(recorded);
  const { recordedAt, correlationId, causationId, source } = metadata;
  return { id: recorded.id, type: event.type, revision: recorded.revision, position: recorded.position, recordedAt, data: event.data, metadata: { correlationId, causationId, source } };
};

/** Where the officers' reads of personal data are recorded (Art. 19-36(3), INFO-2), and the time they are recorded at. */
export interface ReadAudit {
  readonly log: AuditLog;
  readonly clock: () => Instant;
}

/**
 * One audit entry per resident whose data an officer's answer carries; durable when the promise
 * resolves, so the caller awaits it before answering and a failed write (a rejection) withholds the
 * answer. A subject that is not (yet) a resident is named by the caller.
 */
export const audited = async (audit: ReadAudit | undefined, res: Response, subjects: readonly string[], route: string, fields: readonly string[]): Promise<void> => {
  if (audit === undefined || subjects.length === 0) return;
  const at = audit.clock();
  const actor = { role: 'officer' as const, id: officerOf(res) };
  await audit.log.record(subjects.map((residentId) => ({ at, actor, operationName: route, rootFields: [route], residentId, fields })));
};

/** GET /residents/:residentId/events — the resident's stream, parsed and upcast to the current versions. */
export const residentEvents =
  (store: EventStore, audit?: ReadAudit): RequestHandler =>
  async (req, res) => {
    const residentId = parseResidentIdParam(req.params['residentId']);
    const stream = await readResident(store, residentId);
    await audited(audit, res, [residentId], 'GET /residents/:residentId/events', ['events.data', 'events.metadata']);
    const revision = stream.length - 1;
    res.set('ETag', `"${revision}"`).json({ residentId, revision, events: stream.map(eventView) });
  };

/** GET /residents/:residentId/status?asOf=D[&knownAt=K] — REG-2, DT-8: the status at the end of D as known at K. */
export const residentStatus =
  (store: EventStore, audit?: ReadAudit): RequestHandler =>
  async (req, res) => {
    const residentId = parseResidentIdParam(req.params['residentId']);
    const query = StatusQuery.safeParse(req.query);
    if (!query.success) throw new RequestValidationError(fieldErrorsOf('query', query.error.issues));
    const stream = await readResident(store, residentId);
    const { asOf, knownAt } = query.data;
    const status = statusAt(stream.map(toFact), knownAt === undefined ? { asOf } : { asOf, knownAt });
    await audited(audit, res, [residentId], 'GET /residents/:residentId/status', Object.keys(status).sort());
    res.json(status);
  };
