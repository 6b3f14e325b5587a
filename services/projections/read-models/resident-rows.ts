import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../events/values.js';
import { statusAt } from '../../register/domain/status.js';
import { addressLapseStore, toLapseRows } from './address-lapses.js';
import { cardIndexStore, toCardRows } from './card-index.js';
import { countsStore } from './counts.js';
import { deadlineIndexStore, toDeadlineRows } from './deadline-index.js';
import { identityIndexStore } from './identity-index.js';
import { nextChangeOn } from './next-change.js';
import { residentFactsStore, type ResidentFactsStore } from './resident-facts.js';
import { statusViewStore, toStatusRow } from './status-view.js';

export interface ResidentRows {
  readonly facts: ResidentFactsStore;
  /**
   * Recomputes every read-model row of one resident from the resident's facts with the one status
   * function (REG-2) as of `today`. Call inside the transaction that records the change.
   */
  recompute(residentId: string, today: IsoDate): void;
}

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
    recompute: (residentId, today) => {
      const known = facts.factsOf(residentId);
      const status = statusAt(known, { asOf: today });
      const revision = known.at(-1)?.revision ?? -1;
      const row = toStatusRow(status, residentId, revision, nextChangeOn(status, known, today));
      counts.move(statusView.counted(residentId), row);
      statusView.put(row);
      cards.replace(residentId, toCardRows(status, residentId));
      deadlines.replace(residentId, toDeadlineRows(status, residentId, row.municipalityCode));
      lapses.replace(residentId, toLapseRows(status, residentId, row.municipalityCode));
      identities.replace(residentId, status.particulars);
    },
  };
};
