import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import type { Fact } from '../../register/domain/facts.js';
import { statusAt } from '../../register/domain/status.js';
import { addressLapseStore, toLapseRows } from './address-lapses.js';
import { cardIndexStore, toCardRows } from './card-index.js';
import { countsStore } from './counts.js';
import { deadlineIndexStore, toDeadlineRows } from './deadline-index.js';
import { identityIndexStore, identityKey } from './identity-index.js';
import { nextChangeOn } from './next-change.js';
import { residentFactsStore, type ResidentFactsStore } from './resident-facts.js';
import { statusViewStore, toStatusRow, type RowDigests } from './status-view.js';

export interface ResidentRows {
  readonly facts: ResidentFactsStore;
  /**
   * Recomputes every read-model row of one resident from the resident's facts (`known`, or the stored
   * copy) with the one status function (REG-2) as of `today`. Call inside the transaction that records the change.
   */
  recompute(residentId: string, today: IsoDate, known?: readonly Fact[]): void;
}

/**
 * 48 bits of a SHA-1 of what a table holds for the resident: equal digests mean equal rows (a
 * collision, ≈2⁻⁴⁸ per change, would leave one resident's old rows in place until its next change).
 */
export const digestOf = (value: unknown): number => hash('sha1', JSON.stringify(value) ?? 'null', 'buffer').readUIntBE(0, 6);

/** The writers of all read models over one projection database. */
export const residentRows = (db: Database): ResidentRows => {
  const facts = residentFactsStore(db);
  const statusView = statusViewStore(db);
  const cards = cardIndexStore(db);
  const deadlines = deadlineIndexStore(db);
  const lapses = addressLapseStore(db);
  const counts = countsStore(db);
  const identities = identityIndexStore(db);
  return {
    facts,
    recompute: (residentId, today, known = facts.factsOf(residentId)) => {
      const status = statusAt(known, { asOf: today });
      const revision = known.at(-1)?.revision ?? -1;
      const row = toStatusRow(status, residentId, revision, nextChangeOn(status, known, today));
      const cardRows = toCardRows(status, residentId);
      const deadlineRows = toDeadlineRows(status, residentId, row.municipalityCode);
      const lapseRows = toLapseRows(status, residentId, row.municipalityCode);
      const identity = status.particulars === null ? null : identityKey(status.particulars);
      const digests: RowDigests = { cards: digestOf(cardRows), deadlines: digestOf(deadlineRows), lapses: digestOf(lapseRows), identity: digestOf(identity) };
      // A resident without a status row has no rows anywhere: nothing to delete first.
      const before = statusView.summary(residentId);
      const had = before !== null;
      counts.move(before, row);
      statusView.put(row, digests, before);
      if (before?.digests.cards !== digests.cards) cards.replace(residentId, cardRows, had);
      if (before?.digests.deadlines !== digests.deadlines) deadlines.replace(residentId, deadlineRows, had);
      if (before?.digests.lapses !== digests.lapses) lapses.replace(residentId, lapseRows, had);
      if (before?.digests.identity !== digests.identity) identities.replace(residentId, status.particulars, had);
    },
  };
};
