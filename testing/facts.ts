import type { ResidentEvent } from '../events/catalogue.js';
import type { Instant, IsoDate } from '../events/values.js';
import type { Fact } from '../services/register/domain/facts.js';

/** An event with the instant the register recorded it; recorded "long ago" when not given. */
export type Recorded = ResidentEvent | { readonly event: ResidentEvent; readonly recordedAt: Instant };

const LONG_AGO = '2000-01-01T00:00:00Z';

/** Records an event at noon JST of a legal date (DT-8 knowledge time), e.g. `recordedOn('2026-03-20', landing)`. */
export const recordedOn = (date: IsoDate, event: ResidentEvent): Recorded => ({ event, recordedAt: `${date}T12:00:00+09:00` });

/** A resident's history as the store would return it: stream revisions in the order given. */
export const history = (...items: readonly Recorded[]): Fact[] =>
  items.map((item, revision) =>
    'recordedAt' in item ? { event: item.event, recordedAt: item.recordedAt, revision } : { event: item, recordedAt: LONG_AGO, revision },
  );
