import type { Database } from 'better-sqlite3';
import type { ResidentStatus } from '../../register/domain/status-types.js';
import type { CardRow } from './types.js';

/** (b) Every card of the resident (Art. 19-4(2): a new number with every issue), with validity and the primary ground (Art. 19-14, INV-1). */
export const toCardRows = (status: ResidentStatus, residentId: string): CardRow[] =>
  status.cards.map((card) => ({
    cardNumber: card.cardNumber,
    residentId,
    issuedOn: card.issuedOn,
    validUntil: card.validUntil,
    valid: card.valid,
    invalidItem: card.invalidity[0]?.item ?? null,
    invalidSince: card.invalidity[0]?.since ?? null,
    asOf: status.asOf,
  }));

export interface CardRecord {
  card_number: string;
  resident_id: string;
  issued_on: string;
  valid_until: string;
  valid: number;
  invalid_item: string | null;
  invalid_since: string | null;
  as_of: string;
}

export const fromCardRecord = (r: CardRecord): CardRow => ({
  cardNumber: r.card_number,
  residentId: r.resident_id,
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  valid: r.valid === 1,
  invalidItem: r.invalid_item,
  invalidSince: r.invalid_since,
  asOf: r.as_of,
});

/** The card index store: a resident's cards are replaced whole on every recomputation. */
export const cardIndexStore = (db: Database) => {
  const sql = {
    clear: db.prepare('DELETE FROM cards WHERE resident_id = ?'),
    // A number the log gives twice to one resident (a repeated issue) keeps one row (CARD-3 counts it once).
    insert: db.prepare(
      `INSERT OR REPLACE INTO cards VALUES
       (@cardNumber, @residentId, @issuedOn, @validUntil, @valid, @invalidItem, @invalidSince, @asOf)`,
    ),
  };
  return {
    replace: (residentId: string, rows: readonly CardRow[], hadRows: boolean): void => {
      if (hadRows) sql.clear.run(residentId);
      rows.forEach((row) => sql.insert.run({ ...row, valid: row.valid ? 1 : 0 }));
    },
  };
};
