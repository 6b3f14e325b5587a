import type { Logger } from 'pino';
import type { EventSource } from '../../events/metadata.js';
import { MunicipalityCode, type Instant } from '../../events/values.js';
import type { ReadModels } from '../projections/read-models/types.js';
import { toFact } from '../register/application/command-attempt.js';
import { residentStreamId, type CommandHandler } from '../register/application/command-handler.js';
import { IdempotencyKeyReusedError } from '../register/application/errors.js';
import { DomainError } from '../register/domain/errors.js';
import { particularsOn } from '../register/domain/particulars.js';
import { legalDateOf } from '../register/domain/rules/calendar.js';
import { collect, IdempotencyConflictError, type EventStore } from '../register/store/port.js';
import { matchRelay, type ParticularsLookup, type QuarantineReason } from './matching.js';
import { identify, rejected, type RecordOutcome, type RecordResult } from './outcomes.js';
import type { QuarantineStore } from './quarantine-store.js';
import { commandOf } from './relay-commands.js';
import { relayKey, type Relay } from './relay-schema.js';
import { validateRelay } from './validate.js';

export interface IntakeDeps {
  readonly store: EventStore;
  readonly handler: CommandHandler;
  readonly readModels: ReadModels;
  readonly quarantine: QuarantineStore;
  readonly clock: () => Instant;
  readonly logger: Logger;
}

/** Who applies a relay: the office itself, or an officer re-applying it (optionally naming the resident). */
export interface Applier {
  readonly actor: string;
  readonly residentId?: string;
}

export interface Intake {
  /** One record from an office: authorised, validated, matched, applied or quarantined (`raw`: as received, if not `value`). */
  receive(value: unknown, office: string, raw?: unknown): Promise<RecordResult>;
  /** A validated relay applied (the path of re-application from the quarantine too). */
  apply(relay: Relay, raw: unknown, by: Applier): Promise<RecordOutcome>;
}

/**
 * Architecture decision 10: an office relays only for its own municipality code (→ 403 for that
 * record). A code that is no code at all is a validation error (400), not another office's.
 */
const foreignCode = (raw: unknown, office: string): string | undefined => {
  const code: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'municipalityCode') : undefined;
  return typeof code === 'string' && code !== office && MunicipalityCode.safeParse(code).success ? code : undefined;
};

const receiptReused = (relay: Relay): RecordOutcome =>
  rejected('RECEIPT_REUSED', 409, [{ field: 'receiptId', rule: `already used by this office for a ${relay.type} with other content; send a correction instead` }]);

/** Particulars from the log itself (authoritative, never behind the projector). */
const particularsFromLog = (store: EventStore, clock: () => Instant): ParticularsLookup => async (residentId, on) => {
  const facts = (await collect(store.readStream(residentStreamId(residentId)))).map(toFact);
  const dates = [...new Set([on, legalDateOf(clock())].filter((d): d is string => d !== undefined))];
  return dates.map((date) => particularsOn(facts, date)).filter((p) => p !== null);
};

export const createIntake = (deps: IntakeDeps): Intake => {
  const { handler, readModels, quarantine, clock, logger } = deps;
  const particularsOf = particularsFromLog(deps.store, clock);
  const keep = (relay: Relay, raw: unknown, reason: QuarantineReason): RecordOutcome => {
    const entry = quarantine.put({ municipalityCode: relay.municipalityCode, receiptId: relay.receiptId, type: relay.type, reason, raw, relay, at: clock() });
    return { outcome: 'quarantined', quarantineId: entry.id, reason };
  };
  const applyMatched = async (relay: Relay, raw: unknown, residentId: string, by: Applier, opensRecord = false): Promise<RecordOutcome> => {
    const key = relayKey(relay);
    try {
      // Art. 61-8-2, MUNI-1: a relay is recorded as the office's, with its receipt; an officer's re-apply as the officer's.
      const source: EventSource = by.actor.startsWith('municipality-')
        ? { kind: 'municipality', municipalityCode: relay.municipalityCode, receiptId: relay.receiptId }
        : { kind: 'officer', officerId: by.actor };
      const result = await handler.handle({ residentId, command: commandOf(relay, residentId, opensRecord), idempotencyKey: key, officerId: by.actor, source, correlationId: `relay:${key}` });
      quarantine.ledger.record(relay, residentId, clock());
      quarantine.resolve(relay, { at: clock(), by: by.actor, residentId });
      if (result.replayed || result.events.length === 0) return { outcome: 'duplicate', residentId };
      return { outcome: 'accepted', residentId, eventIds: result.events.map((e) => e.id) };
    } catch (error) {
      if (error instanceof DomainError) return keep(relay, raw, { code: error.code, detail: error.message });
      if (error instanceof IdempotencyKeyReusedError || error instanceof IdempotencyConflictError)
        return receiptReused(relay);
      logger.error({ err: error, relay: key }, 'relay could not be applied');
      return { outcome: 'failed', code: 'UNAVAILABLE', detail: 'the register could not record the relay now; resend it (it is idempotent)' };
    }
  };
  const apply = async (relay: Relay, raw: unknown, by: Applier): Promise<RecordOutcome> => {
    if (by.residentId !== undefined) return applyMatched(relay, raw, by.residentId, by);
    const match = await matchRelay(relay, readModels, particularsOf);
    if (match.kind === 'unmatched') return keep(relay, raw, match.reason);
    return applyMatched(relay, raw, match.residentId, by, match.kind === 'opens');
  };
  return {
    apply,
    receive: async (value, office, raw = value) => {
      const ids = identify(value);
      const foreign = foreignCode(value, office);
      if (foreign !== undefined)
        return { ...ids, ...rejected('FORBIDDEN', 403, [{ field: 'municipalityCode', rule: `this office (${office}) may relay only for its own municipality code, not ${foreign}` }]) };
      const validation = validateRelay(value, legalDateOf(clock()));
      if (!validation.ok) return { ...ids, ...rejected('VALIDATION_FAILED', 400, validation.errors) };
      const known = quarantine.ledger.lookup(validation.relay);
      if (known.kind === 'same') return { ...ids, outcome: 'duplicate', residentId: known.residentId };
      if (known.kind === 'different') return { ...ids, ...receiptReused(validation.relay) };
      return { ...ids, ...(await apply(validation.relay, raw, { actor: `municipality-${office}` })) };
    },
  };
};
