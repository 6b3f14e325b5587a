import { describe, expect, it } from 'vitest';
import type { ResidentEvent } from '../../../events/catalogue.js';
import { toStoredEvent } from '../../../events/parse.js';
import {
  CHIYODA_ADDRESS, RESIDENT_ID, cancellationGroundDetected, cancellationGroundWithdrawn, landingPermitted, notificationOverdue, residenceAddressNotified,
  residenceCardInvalidated, residenceCardIssued, residentRecordEntered,
} from '../../../testing/events.js';
import { history } from '../../../testing/facts.js';
import { followedBy, tickedOn } from '../../../testing/clock.js';
import { SHIBUYA_ADDRESS, SHINJUKU_ADDRESS, s28MovedOutWithoutNewResidence } from '../../../testing/scenario-fixtures.js';
import { clockEvents, plannedClockEvents } from './clock.js';
import type { Fact } from './facts.js';

// Architecture decision 7: given a history, when the clock ticks at a date, then these events.

/** Every event the clock builds must pass the catalogue's cross-field rules, as the append path checks. */
const stored = (events: readonly ResidentEvent[]): void =>
  events.forEach((event) =>
    toStoredEvent(event, { recordedAt: '2026-01-01T00:00:00Z', correlationId: 'tick', causationId: 'tick', source: { kind: 'system', component: 'clock' } }));

const s25Landed = (cardNumber: string) => [
  landingPermitted({ permittedOn: '2026-01-13', grant: { status: 'engineer-specialist', periodOfStay: 'P1Y', expiresOn: '2027-01-13' } }),
  residenceCardIssued({ cardNumber, issuedOn: '2026-01-13', printedValidUntil: '2027-01-13' }),
];
// S25 R never files: the register knows R's settling on 2026-01-15 only from the resident-record entry.
const s25R = (): Fact[] => history(
  ...s25Landed('MN00002503PQ'),
  residentRecordEntered({ reason: 'moving-in-without-card', address: SHIBUYA_ADDRESS, residenceEstablishedOn: '2026-01-15', enteredOn: '2026-01-15', relayId: 'relay-131130-2503' }),
);
const s25Q = (): Fact[] => history(
  ...s25Landed('LM00002502NP'),
  residenceAddressNotified({ basis: '19-7', address: SHINJUKU_ADDRESS, movedInOn: '2026-01-15', notifiedOn: '2026-04-14', relayId: 'relay-131041-2502' }),
);
const r19_7Overdue = (asOf: string) => notificationOverdue({
  obligation: '19-7', clockStartedOn: '2026-01-15', nominalDeadline: '2026-01-29', effectiveDeadline: '2026-01-29', overdueSince: '2026-01-30', asOf,
});
const s25Ground = (asOf: string) => cancellationGroundDetected({
  ground: 'viii', clockStartedOn: '2026-01-13', nominalDeadline: '2026-04-13', effectiveDeadline: '2026-04-13', groundFrom: '2026-04-14', asOf,
});

describe('S25 — the clock on ground (viii) and the 19-7 duty (Arts. 19-7(1), 22-4(1)(viii), 71-5(i), CAN-3)', () => {
  it('R, tick 2026-04-13: 19-7 overdue since 2026-01-30, no (viii) ground yet — day 90 not over (Art. 22-4(1)(viii), DT-2)', () => {
    expect(clockEvents(s25R(), '2026-04-13')).toEqual([r19_7Overdue('2026-04-13')]);
  });
  it('R, tick 2026-04-14: ground (viii) detected from 2026-04-14, counted from the landing on 2026-01-13 (Art. 22-4(1)(viii), CAN-3)', () => {
    const events = clockEvents(s25R(), '2026-04-14');
    expect(events).toEqual([r19_7Overdue('2026-04-14'), s25Ground('2026-04-14')]);
    stored(events);
  });
  it('R, daily ticks: the overdue duty once on 2026-01-30, the ground once on 2026-04-14 (decision 7)', () => {
    const on0130 = tickedOn(s25R(), '2026-01-30');
    expect(on0130.slice(-1).map((f) => f.event)).toEqual([r19_7Overdue('2026-01-30')]);
    expect(clockEvents(on0130, '2026-04-13')).toEqual([]);
    expect(clockEvents(on0130, '2026-04-14')).toEqual([s25Ground('2026-04-14')]);
  });
  it('Q, tick 2026-04-14: filed on day 91 — ground (viii) detected and the 19-7 duty met late recorded as overdue (Arts. 19-7(1), 22-4(1)(viii))', () => {
    expect(clockEvents(s25Q(), '2026-04-14')).toEqual([r19_7Overdue('2026-04-14'), s25Ground('2026-04-14')]);
  });
});

describe('S29 — the clock on ground (ix) (Art. 22-4(1)(ix), CAN-3)', () => {
  const facts = (): Fact[] => history(...s28MovedOutWithoutNewResidence());
  it('tick 2026-07-30: nothing — day 90 after leaving on 2026-05-01 is not over (Art. 22-4(1)(ix))', () => {
    expect(clockEvents(facts(), '2026-07-30')).toEqual([]);
  });
  it('tick 2026-07-31: ground (ix) detected from 2026-07-31, counted from the day of leaving (Art. 22-4(1)(ix), CAN-3)', () => {
    const planned = plannedClockEvents(facts(), '2026-07-31');
    expect(planned.map((p) => p.key)).toEqual(['ground-detected/ix/2026-07-31']);
    expect(planned.map((p) => p.event)).toEqual([
      cancellationGroundDetected({
        ground: 'ix', clockStartedOn: '2026-05-01', nominalDeadline: '2026-07-30', effectiveDeadline: '2026-07-30', groundFrom: '2026-07-31', asOf: '2026-07-31',
      }),
    ]);
  });
});

describe('S01 — card expiry and an overdue 19-7 duty at 2027-01-11 (Arts. 19-5(1)(iii), 19-7(1), 19-14(ii), 22-4(1)(viii))', () => {
  const landed = [landingPermitted(), residenceCardIssued()];
  const timely = (): Fact[] => history(...landed, residenceAddressNotified({ address: CHIYODA_ADDRESS }));
  // Variant: settles in Chiyoda on 2026-01-25 (resident record) and never files the 19-7 notification.
  const neverFiles = (): Fact[] => history(
    ...landed,
    residentRecordEntered({ residenceEstablishedOn: '2026-01-25', enteredOn: '2026-01-26' }),
  );
  const overdue19_7 = (asOf: string) => notificationOverdue({ asOf });

  it('timely notification, tick 2027-01-10: nothing — the card is valid through its last day (Art. 19-5(1)(iii))', () => {
    expect(clockEvents(timely(), '2027-01-10')).toEqual([]);
  });
  it('timely notification, tick 2027-01-11: card AB00000101CD invalidated from 2027-01-11, validity expired (Art. 19-14(ii), INV-1)', () => {
    const planned = plannedClockEvents(timely(), '2027-01-11');
    expect(planned.map((p) => p.key)).toEqual(['invalidated/AB00000101CD']);
    expect(planned.map((p) => p.event)).toEqual([residenceCardInvalidated({ ground: 'validity-expired', invalidOn: '2027-01-11' })]);
  });
  it('never files, tick 2027-01-11: 19-7 overdue since 2026-02-10 (deadline 2026-02-08 Sun → 2026-02-09) and the card expired (Arts. 19-7(1), 19-14(ii), DT-6)', () => {
    const events = clockEvents(neverFiles(), '2027-01-11');
    expect(events).toEqual([overdue19_7('2027-01-11'), residenceCardInvalidated({ ground: 'validity-expired', invalidOn: '2027-01-11' })]);
    stored(events);
  });
  it('never files, daily ticks: (viii) detected from 2026-04-11, withdrawn as moot once the stay ended by overstay (Art. 22-4(1)(viii), REG-3)', () => {
    const ticked = tickedOn(tickedOn(neverFiles(), '2026-02-10'), '2026-04-11');
    expect(ticked.slice(-1).map((f) => f.event)).toEqual([cancellationGroundDetected({
      ground: 'viii', clockStartedOn: '2026-01-10', nominalDeadline: '2026-04-10', effectiveDeadline: '2026-04-10', groundFrom: '2026-04-11', asOf: '2026-04-11',
    })]);
    expect(clockEvents(ticked, '2027-01-11')).toEqual([
      cancellationGroundWithdrawn({ residentId: RESIDENT_ID, ground: 'viii', groundFrom: '2026-04-11', reason: 'moot' }),
      residenceCardInvalidated({ ground: 'validity-expired', invalidOn: '2027-01-11' }),
    ]);
  });
  it('never files, tick 2027-01-26: the card not returned by 2027-01-25 — 19-15 overdue (Art. 19-15(1), reading #5)', () => {
    const ticked = tickedOn(neverFiles(), '2027-01-11');
    expect(clockEvents(ticked, '2027-01-26')).toEqual([notificationOverdue({
      obligation: '19-15', clockStartedOn: '2027-01-11', nominalDeadline: '2027-01-25', effectiveDeadline: '2027-01-25', overdueSince: '2027-01-26', asOf: '2027-01-26',
    })]);
  });
});

describe('the clock is deterministic and idempotent (architecture decision 7)', () => {
  const cases: readonly [string, () => Fact[], string][] = [
    ['S25 R', s25R, '2026-04-14'], ['S25 Q', s25Q, '2026-04-20'], ['S29', () => history(...s28MovedOutWithoutNewResidence()), '2026-08-01'],
  ];
  it.each(cases)('%s: the same facts and as-of date give the same events', (_, facts, asOf) => {
    const first = plannedClockEvents(facts(), asOf);
    expect(first.length).toBeGreaterThan(0);
    expect(plannedClockEvents(facts(), asOf)).toEqual(first);
  });
  it.each(cases)('%s: a second tick on the facts plus the first tick\'s events gives nothing', (_, facts, asOf) => {
    expect(clockEvents(tickedOn(facts(), asOf), asOf)).toEqual([]);
  });
  it('the facts\' arrival order does not change the events or their order (legal date, then type, then key)', () => {
    const facts = s25R();
    const reversed = history(...[...facts].reverse().map((f) => f.event));
    expect(plannedClockEvents(reversed, '2026-04-14')).toEqual(plannedClockEvents(facts, '2026-04-14'));
    expect(plannedClockEvents(facts, '2026-04-14').map((p) => p.on)).toEqual(['2026-01-30', '2026-04-14']);
  });
  it('a history without a resident gives nothing', () => {
    expect(clockEvents([], '2026-04-14')).toEqual([]);
  });
  it('a clock event already in the log from an earlier tick is not produced again, whatever its as-of date', () => {
    const facts = followedBy(s25R(), r19_7Overdue('2026-02-01'), s25Ground('2026-04-15'));
    expect(clockEvents(facts, '2026-04-20')).toEqual([]);
  });
});
