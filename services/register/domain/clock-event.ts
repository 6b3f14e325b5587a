import type { EventOf } from '../../../events/catalogue.js';
import type { IsoDate } from '../../../events/values.js';

/** The events only the register's clock appends (architecture decision 7). */
export type ClockEventType = 'ResidenceCardInvalidated' | 'NotificationOverdue' | 'CancellationGroundDetected' | 'CancellationGroundWithdrawn';

export const CLOCK_EVENT_TYPES: readonly ClockEventType[] = [
  'ResidenceCardInvalidated', 'NotificationOverdue', 'CancellationGroundDetected', 'CancellationGroundWithdrawn',
];

/** One event the clock appends, with the key its deterministic event id is derived from (decision 4). */
export interface ClockEvent {
  /** Stable for a given finding, e.g. `invalidated/AB00000101CD`, `ground-detected/viii/2026-04-14`. */
  readonly key: string;
  /** The legal date the event is about; orders the result. */
  readonly on: IsoDate;
  readonly event: EventOf<ClockEventType>;
}

/** A finding seen again after it was withdrawn gets a new key: `…/2`, `…/3` (the first keeps the plain key). */
export const occurrenceKey = (base: string, occurrence: number): string => (occurrence <= 1 ? base : `${base}/${occurrence}`);
