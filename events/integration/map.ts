import { legalDateOf } from '../../services/register/domain/rules/calendar.js';
import type { Fact } from '../../services/register/domain/facts.js';
import type { EventStore, RecordedEvent } from '../../services/register/store/port.js';
import { parseStoredEvent } from '../parse.js';
import type { Draft } from './draft.js';
import type { History } from './history.js';
import type { CloudEventAttributes, IntegrationMapper, IntegrationMessage } from './message.js';
import { draftsOf } from './rules.js';
import { createStreamCache, type StreamCache } from './stream-cache.js';
import { INTEGRATION_EVENTS, SOURCE, dataSchemaOf, integrationTypeOf } from './types.js';

export interface IntegrationMapperDeps {
  readonly store: EventStore;
  /** Publish names and street addresses as `personal` messages (Art. 19-36(3): off unless configured). */
  readonly personalDataTopic: boolean;
}

const RESIDENT_STREAM = 'resident-';

/** RFC 3339 for 00:00 JST of a legal date: CloudEvents `time` must be a timestamp. */
export const legalDateTime = (date: string): string => `${date}T00:00:00+09:00`;

const toFact = (recorded: RecordedEvent): Fact => {
  const { event, metadata } = parseStoredEvent(recorded);
  return { event, recordedAt: metadata.recordedAt, revision: recorded.revision };
};

/** The stream up to and including this event, never beyond: the same event always maps the same way. */
const historyOf = async (cache: StreamCache, recorded: RecordedEvent, self: Fact): Promise<History> => {
  const before = recorded.revision > 0 ? await cache.prefix(recorded.streamId, recorded.revision) : [];
  return { residentId: self.event.data.residentId, before, after: [...before, self] };
};

/**
 * One integration event id per domain event when it yields one status message; otherwise each is
 * suffixed with its name. Personal messages are always suffixed, so that switching the personal topic
 * on or off never changes the ids on the status topic.
 */
const idOf = (eventId: string, draft: Draft, statusCount: number): string =>
  INTEGRATION_EVENTS[draft.name].topic === 'personal' || statusCount > 1 ? `${eventId}/${draft.name}` : eventId;

const toMessage = (recorded: RecordedEvent, recordedAt: string, draft: Draft, statusCount: number, subject: string): IntegrationMessage => {
  const spec = INTEGRATION_EVENTS[draft.name];
  const type = integrationTypeOf(draft.name);
  const attributes: CloudEventAttributes = {
    specversion: '1.0', id: idOf(recorded.id, draft, statusCount), source: SOURCE, type, subject,
    time: legalDateTime(draft.on), recordedtime: recordedAt, sequence: String(recorded.revision),
    datacontenttype: 'application/json', dataschema: dataSchemaOf(type),
  };
  // Validated against the published schema: a payload that breaks it is a bug, never sent.
  const data = spec.schema.parse(draft.data) as Readonly<Record<string, unknown>>;
  return { position: recorded.position, topic: spec.topic, key: subject, attributes, data };
};

/**
 * The explicit mapping from domain events to integration events (`MAPPING_TABLE` in words, `draftsOf`
 * in code). Events outside resident streams yield nothing. Throws when a stored event cannot be
 * parsed: a transport must stop rather than skip a fact.
 */
export const createIntegrationMapper = (deps: IntegrationMapperDeps): IntegrationMapper => {
  const cache = createStreamCache(deps.store, toFact);
  return (recorded) => mapOne(deps, cache, recorded);
};

const mapOne = async (deps: IntegrationMapperDeps, cache: StreamCache, recorded: RecordedEvent): Promise<readonly IntegrationMessage[]> => {
  if (!recorded.streamId.startsWith(RESIDENT_STREAM)) return [];
  const self = toFact(recorded);
  const drafts = await draftsOf(self.event, {
    history: () => historyOf(cache, recorded, self),
    recordedOn: legalDateOf(self.recordedAt),
  });
  const published = drafts.filter((draft) => deps.personalDataTopic || INTEGRATION_EVENTS[draft.name].topic === 'status');
  const statusCount = drafts.filter((draft) => INTEGRATION_EVENTS[draft.name].topic === 'status').length;
  return published.map((draft) => toMessage(recorded, self.recordedAt, draft, statusCount, self.event.data.residentId));
};
