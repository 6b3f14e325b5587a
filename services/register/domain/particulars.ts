import type { PersonalParticulars } from '../../../events/values.js';
import { byDateThenRevision, factsOf, type Fact } from './facts.js';
import { isOnOrBefore } from './rules/calendar.js';

/**
 * INFO-1, Art. 19-36(1), 19-4(1)(i): the person's name, date of birth, sex and nationality as they
 * stood at the end of the date — as first recorded (landing, a permission opening the record, or a
 * birth entered in the resident record), then as changed under Art. 19-10.
 */
export const particularsOn = (facts: readonly Fact[], date: string): PersonalParticulars | null => {
  const opened = [
    ...factsOf(facts, 'LandingPermitted').map((f) => ({ on: f.event.data.permittedOn, revision: f.revision, person: f.event.data.person })),
    ...factsOf(facts, 'StatusPermissionGranted').flatMap((f) =>
      f.event.data.person === undefined ? [] : [{ on: f.event.data.grantedOn, revision: f.revision, person: f.event.data.person }]),
    // MUNI-2, Art. 61-8-2: a birth entered in the resident record opens the child's record before any grant (22-2).
    ...factsOf(facts, 'ResidentRecordEntered').flatMap((f) =>
      f.event.data.person === undefined ? [] : [{ on: f.event.data.residenceEstablishedOn, revision: f.revision, person: f.event.data.person }]),
  ].sort(byDateThenRevision((p) => p.on));
  const first = opened[0];
  if (first === undefined) return null;
  return factsOf(facts, 'IdentityParticularsChanged')
    .filter((f) => isOnOrBefore(f.event.data.changedOn, date))
    .sort(byDateThenRevision((f) => f.event.data.changedOn))
    .reduce<PersonalParticulars>((person, f) => ({ ...person, ...f.event.data.changes }), first.person);
};
