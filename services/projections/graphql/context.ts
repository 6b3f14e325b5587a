import type { Instant, IsoDate } from '../../../events/values.js';
import type { EventStore } from '../../register/store/port.js';
import type { Actor } from '../audit/audit-log.js';
import type { ReadModels } from '../read-models/types.js';
import type { QuarantineStore } from '../../municipal-bridge/quarantine-store.js';

/** What resolvers may read: the read models and the event store, nothing else; and the time. */
export interface QuerySources {
  readonly readModels: ReadModels;
  readonly store: EventStore;
  readonly clock: () => Instant;
  /** The municipal bridge's quarantine, where the bridge runs in this process. */
  readonly quarantine?: Pick<QuarantineStore, 'list' | 'count'>;
}

/** One field of a `@personalData` object that a resolver is about to return (audit-plugin.ts). */
export interface PendingRead {
  /** Response path of the object holding the field (aliases as the caller wrote them). */
  readonly objectPath: readonly (string | number)[];
  readonly responseKey: string;
  readonly residentId: string;
  readonly fields: readonly string[];
}

/** Per request: who asks, "today" in JST from the injected clock, and the reads to audit. */
export interface GraphqlContext {
  readonly actor: Actor;
  readonly today: IsoDate;
  readonly sources: QuerySources;
  readonly reads: PendingRead[];
}
