import type { Database } from 'better-sqlite3';
import type { PersonalParticulars } from '../../../events/values.js';

/** Names compare as the same person's written the same way: width, case and spacing ignored. */
export const normalName = (name: string): string => name.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim();

/**
 * (f) The key a person is found by without a card (a birth entered in the resident record before the
 * card exists, Art. 61-8-2, 22-2): name, date of birth and nationality as the register knows them now.
 */
export const identityKey = (p: Pick<PersonalParticulars, 'name' | 'dateOfBirth' | 'nationality'>): string =>
  `${normalName(p.name)}|${p.dateOfBirth}|${p.nationality}`;

export const identityIndexStore = (db: Database) => {
  const sql = {
    clear: db.prepare('DELETE FROM resident_identities WHERE resident_id = ?'),
    add: db.prepare('INSERT OR IGNORE INTO resident_identities (identity_key, resident_id) VALUES (?, ?)'),
    find: db.prepare('SELECT resident_id FROM resident_identities WHERE identity_key = ? ORDER BY resident_id LIMIT ?').pluck(),
  };
  return {
    /** `key`: the resident's `identityKey`, null without particulars. */
    replace: (residentId: string, key: string | null, hadRows: boolean): void => {
      if (hadRows) sql.clear.run(residentId);
      if (key !== null) sql.add.run(key, residentId);
    },
    find: (particulars: Pick<PersonalParticulars, 'name' | 'dateOfBirth' | 'nationality'>, limit: number): string[] =>
      sql.find.all(identityKey(particulars), limit) as string[],
  };
};
