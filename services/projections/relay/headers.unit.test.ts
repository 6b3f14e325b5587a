import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';
import { toKafkaMessage } from './headers.js';
import { toFakeMessage } from './testing/fake-mapper.js';

describe('the Kafka message of an integration event (CloudEvents Kafka binding, binary mode)', () => {
  const message = toFakeMessage({ id: 'e-1', streamId: 'resident-r-1', revision: 4, position: 9, type: 'Landed', data: {}, metadata: {} });

  it('keys by the resident id and carries the JSON data alone as the value', () => {
    const kafka = toKafkaMessage(message);
    expect(kafka.key).toBe('r-1');
    expect(JSON.parse(String(kafka.value))).toEqual({ residentId: 'r-1', revision: 4, position: 9 });
  });

  it('puts every context attribute in a ce_ header and the content type in content-type', () => {
    expect(toKafkaMessage(message).headers).toEqual({
      ce_specversion: '1.0', ce_id: 'e-1', ce_source: '/resident-register/test', ce_type: 'jp.go.moj.isa.register.test.Landed.v1',
      ce_subject: 'r-1', ce_time: '2026-01-10T00:00:00+09:00', ce_recordedtime: '2026-01-10T03:00:00Z', ce_sequence: '4',
      ce_dataschema: 'https://example.invalid/schema/test.v1.json', 'content-type': 'application/json',
    });
  });
});

describe('the relay backoff', () => {
  it('doubles from the initial delay and never exceeds the cap', () => {
    const top = () => 1;
    expect([0, 1, 2, 3].map((n) => backoffDelay({ initialMs: 100, maxMs: 1000 }, n, top))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay({ initialMs: 100, maxMs: 1000 }, 40, top)).toBe(1000);
    expect(backoffDelay({ initialMs: 100, maxMs: 1000 }, 40, () => 0)).toBe(500);
  });
});
