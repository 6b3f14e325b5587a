import { DateTime } from 'luxon';
import type { EventOf, ResidentEvent, ResidentEventType } from '../../../events/catalogue.js';
import type { Instant, IsoDate } from '../../../events/values.js';
import { instantMillis, LEGAL_ZONE } from './rules/calendar.js';

/** One event of a resident's stream with what the register needs to reason bitemporally (DT-8). */
export interface Fact {
  readonly event: ResidentEvent;
  /** Transaction time: when the register recorded the event. */
  readonly recordedAt: Instant;
  /** Position in the resident's stream; orders facts that share a legal date. */
  readonly revision: number;
}


/** DT-8: the knowledge time meaning "everything recorded by the end of D, JST". */
export const endOfLegalDay = (date: IsoDate): Instant =>
  DateTime.fromISO(date, { zone: LEGAL_ZONE }).endOf('day').toISO({ suppressMilliseconds: false }) ?? `${date}T23:59:59.999+09:00`;

/** DT-8, reading #20: only the facts the register had recorded by `knownAt` (all of them when it is absent). */
export const knownBy = (facts: readonly Fact[], knownAt: Instant | undefined): readonly Fact[] => {
  if (knownAt === undefined) return facts;
  const limit = instantMillis(knownAt);
  return facts.filter((fact) => instantMillis(fact.recordedAt) <= limit);
};

interface FactIndex {
  readonly length: number;
  readonly byType: ReadonlyMap<ResidentEventType, readonly Fact[]>;
}

const NONE: readonly Fact[] = [];

/*
 * REG-2: every rule of the status function asks for the facts of one or two event types, dozens of
 * times per query. The list is grouped by type in one pass, once per list (as residenceHistoryOf keeps
 * its history), and again should the list have grown since: a caller appending to its own array is
 * not served a stale index. The groups are shared, hence readonly.
 */
const indexes = new WeakMap<readonly Fact[], FactIndex>();

const indexOf = (facts: readonly Fact[]): FactIndex => {
  const known = indexes.get(facts);
  if (known !== undefined && known.length === facts.length) return known;
  const byType = new Map<ResidentEventType, Fact[]>();
  for (const fact of facts) {
    const group = byType.get(fact.event.type);
    if (group === undefined) byType.set(fact.event.type, [fact]);
    else group.push(fact);
  }
  const index = { length: facts.length, byType };
  indexes.set(facts, index);
  return index;
};

/** The facts of one event type in stream order, with their event narrowed. */
export const factsOf = <T extends ResidentEventType>(
  facts: readonly Fact[],
  type: T,
): readonly (Fact & { readonly event: EventOf<T> })[] =>
  // The index files each fact under its own event type, so the group of `type` holds only EventOf<T>.
  (indexOf(facts).byType.get(type) ?? NONE) as readonly (Fact & { readonly event: EventOf<T> })[];

/** Sort key for facts: legal date, then stream revision (the order the register learned them). */
export const byDateThenRevision =
  <T extends { readonly revision: number }>(dateOf: (item: T) => IsoDate) =>
  (a: T, b: T): number =>
    dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a.revision - b.revision;
