import { Counter, Gauge, Registry } from 'prom-client';

export interface RelayMetrics {
  /** Head position of the log minus the relay's checkpoint. */
  readonly lag: Gauge;
  readonly published: Counter<'topic'>;
  /** Failed attempts, by stage (`topics`, `publish`, `map`): each is retried, none skips an event. */
  readonly failures: Counter<'stage'>;
}

export const createRelayMetrics = (registry: Registry = new Registry()): RelayMetrics => ({
  lag: new Gauge({
    name: 'register_relay_lag_positions',
    help: 'Log positions the Kafka outbox relay is behind the head of the event log',
    registers: [registry],
  }),
  published: new Counter({
    name: 'register_relay_messages_published_total',
    help: 'Integration messages the broker acknowledged (acks=all), by topic',
    labelNames: ['topic'],
    registers: [registry],
  }),
  failures: new Counter({
    name: 'register_relay_failures_total',
    help: 'Failed relay attempts (retried with backoff), by stage',
    labelNames: ['stage'],
    registers: [registry],
  }),
});
