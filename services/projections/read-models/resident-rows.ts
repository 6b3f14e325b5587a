import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { Fact } from '../../register/domain/facts.js';
import { statusAt } from '../../register/domain/status.js';
import { addressLapseStore, toLapseRows } from './address-lapses.js';
import { cardIndexStore, toCardRows } from './card-index.js';
import { countsStore, type CountedFields } from './counts.js';
import { deadlineIndexStore, toDeadlineRows } from './deadline-index.js';
import { identityIndexStore, identityKey } from './identity-index.js';
import { nextChangeOn } from './next-change.js';
import { residentFactsStore, type ResidentFactsStore } from './resident-facts.js';
import { statusViewStore, toStatusParams, toStatusRow, type RowDigests, type StatusParams } from './status-view.js';
import type { CardRow, DeadlineRow, LapseRow } from './types.js';

/**
 * Everything a recomputation writes for one resident, computed from its facts without the database
 * (so a worker thread can compute it): plain data and byte arrays, which a worker can post.
 */
export interface ResidentRowSet {
  readonly status: StatusParams;
  readonly overdueDuties: readonly string[];
  readonly cards: readonly CardRow[];
  readonly deadlines: readonly DeadlineRow[];
  readonly lapses: readonly LapseRow[];
  /** The resident's `identityKey`, null without particulars. */
  readonly identity: string | null;
}

export interface ResidentRows {
  readonly facts: ResidentFactsStore;
  /**
   * Recomputes every read-model row of one resident from the resident's facts (`known`, or the stored
   * copy) with the one status function (REG-2) as of `today`. Call inside the transaction that records the change.
   */
  recompute(residentId: string, today: IsoDate, known?: readonly Fact[]): void;
  /** Writes rows `computeResidentRows` computed over the resident's stored ones. Call inside a transaction. */
  write(rows: ResidentRowSet): void;
}

/**
 * 48 bits of a SHA-1 of what a table holds for the resident: equal digests mean equal rows (a
 * collision, ≈2⁻⁴⁸ per change, would leave one resident's old rows in place until its next change).
 */
export const digestOf = (value: unknown): number => hash('sha1', JSON.stringify(value) ?? 'null', 'buffer').readUIntBE(0, 6);

/** Every read-model row of one resident from its facts, as of `today`, with the one status function (REG-2). */
export const computeResidentRows = (residentId: string, today: IsoDate, known: readonly Fact[]): ResidentRowSet => {
  const status = statusAt(known, { asOf: today });
  const revision = known.at(-1)?.revision ?? -1;
  const row = toStatusRow(status, residentId, revision, nextChangeOn(status, known, today));
  const cards = toCardRows(status, residentId);
  const deadlines = toDeadlineRows(status, residentId, row.municipalityCode);
  const lapses = toLapseRows(status, residentId, row.municipalityCode);
  const identity = status.particulars === null ? null : identityKey(status.particulars);
  const digests: RowDigests = { cards: digestOf(cards), deadlines: digestOf(deadlines), lapses: digestOf(lapses), identity: digestOf(identity) };
  return { status: toStatusParams(row, digests), overdueDuties: row.overdueDuties, cards, deadlines, lapses, identity };
};

const countedOf = (r: StatusParams): CountedFields => ({
  midToLongTermResident: r.mltr === 1,
  municipalityCode: r.municipality_code,
  statusOfResidence: r.status_of_residence,
  nationality: r.nationality,
});

/** The writers of all read models over one projection database. */
export const residentRows = (db: Database): ResidentRows => {
  const facts = residentFactsStore(db);
  const statusView = statusViewStore(db);
  const cards = cardIndexStore(db);
  const deadlines = deadlineIndexStore(db);
  const lapses = addressLapseStore(db);
  const counts = countsStore(db);
  const identities = identityIndexStore(db);
  const write = (rows: ResidentRowSet): void => {
    const { status } = rows;
    const residentId = status.resident_id;
    // A resident without a status row has no rows anywhere: nothing to delete first.
    const before = statusView.summary(residentId);
    const had = before !== null;
    counts.move(before, countedOf(status));
    statusView.put(status, rows.overdueDuties, before);
    if (before?.digests.cards !== status.cards_digest) cards.replace(residentId, rows.cards, had);
    if (before?.digests.deadlines !== status.deadlines_digest) deadlines.replace(residentId, rows.deadlines, had);
    if (before?.digests.lapses !== status.lapses_digest) lapses.replace(residentId, rows.lapses, had);
    if (before?.digests.identity !== status.identity_digest) identities.replace(residentId, rows.identity, had);
  };
  return {
    facts,
    recompute: (residentId, today, known = facts.factsOf(residentId)) => write(computeResidentRows(residentId, today, known)),
    write,
  };
};
