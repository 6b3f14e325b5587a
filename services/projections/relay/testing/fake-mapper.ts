import type { IntegrationMapper, IntegrationMessage } from '../../../../events/integration/message.js';
import type { RecordedEvent } from '../../../register/store/port.js';

/**
 * A stand-in for the integration mapping in relay tests that are about transport, not content:
 * every resident event becomes one `status` message (and, with `personal`, one more on the personal
 * topic), with the event's own id, key and revision.
 */
export const toFakeMessage = (event: RecordedEvent, topic: IntegrationMessage['topic'] = 'status'): IntegrationMessage => {
  const residentId = event.streamId.slice('resident-'.length);
  return {
    position: event.position,
    topic,
    key: residentId,
    attributes: {
      specversion: '1.0',
      id: topic === 'status' ? event.id : `${event.id}:personal`,
      source: '/resident-register/test',
      type: `jp.go.moj.isa.register.test.${event.type}.v1`,
      subject: residentId,
      time: '2026-01-10T00:00:00+09:00',
      recordedtime: '2026-01-10T03:00:00Z',
      sequence: String(event.revision),
      datacontenttype: 'application/json',
      dataschema: 'https://example.invalid/schema/test.v1.json',
    },
    data: { residentId, revision: event.revision, position: event.position },
  };
};

export const fakeMapper = (options: { personal?: boolean } = {}): IntegrationMapper => async (event) =>
  options.personal === true ? [toFakeMessage(event), toFakeMessage(event, 'personal')] : [toFakeMessage(event)];
