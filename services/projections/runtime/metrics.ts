import { Counter, Gauge, Registry } from 'prom-client';

export interface ProjectionMetrics {
  readonly registry: Registry;
  /** Head position of the log minus the projection's checkpoint. */
  readonly lag: Gauge;
  /** Events handled by the projector, by outcome: `applied`, or `skipped` (already applied: at-least-once delivery). */
  readonly events: Counter<'outcome'>;
}

/**
 * The projector's metrics, registered in `registry` (a fresh one unless the caller passes the
 * process-wide registry that /metrics serves).
 */
export const createProjectionMetrics = (registry: Registry = new Registry()): ProjectionMetrics => ({
  registry,
  lag: new Gauge({
    name: 'register_projection_lag_positions',
    help: 'Log positions the read models are behind the head of the event log',
    registers: [registry],
  }),
  events: new Counter({
    name: 'register_projection_events_total',
    help: 'Events handled by the projector, by outcome (applied, or skipped as already applied)',
    labelNames: ['outcome'],
    registers: [registry],
  }),
});
