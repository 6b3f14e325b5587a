import { DateTime } from 'luxon';
import type { EventOf, ResidentEvent, ResidentEventType } from '../../../events/catalogue.js';
import type { Instant, IsoDate } from '../../../events/values.js';
import { LEGAL_ZONE } from './rules/calendar.js';

/** One event of a resident's stream with what the register needs to reason bitemporally (DT-8). */
export interface Fact {
  readonly event: ResidentEvent;
  /** Transaction time: when the register recorded the event. */
  readonly recordedAt: Instant;
  /** Position in the resident's stream; orders facts that share a legal date. */
  readonly revision: number;
}

const millis = (instant: Instant): number => DateTime.fromISO(instant, { setZone: true }).toMillis();

/** DT-8: the knowledge time meaning "everything recorded by the end of D, JST". */
export const endOfLegalDay = (date: IsoDate): Instant =>
  DateTime.fromISO(date, { zone: LEGAL_ZONE }).endOf('day').toISO({ suppressMilliseconds: false }) ?? `${date}T23:59:59.999+09:00`;

/** DT-8, reading #20: only the facts the register had recorded by `knownAt` (all of them when it is absent). */
export const knownBy = (facts: readonly Fact[], knownAt: Instant | undefined): readonly Fact[] => {
  if (knownAt === undefined) return facts;
  const limit = millis(knownAt);
  return facts.filter((fact) => millis(fact.recordedAt) <= limit);
};

/** The facts of one event type, with their event narrowed. */
export const factsOf = <T extends ResidentEventType>(
  facts: readonly Fact[],
  type: T,
): readonly (Fact & { readonly event: EventOf<T> })[] =>
  facts.filter((fact): fact is Fact & { readonly event: EventOf<T> } => fact.event.type === type);

/** Sort key for facts: legal date, then stream revision (the order the register learned them). */
export const byDateThenRevision =
  <T extends { readonly revision: number }>(dateOf: (item: T) => IsoDate) =>
  (a: T, b: T): number =>
    dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a.revision - b.revision;
