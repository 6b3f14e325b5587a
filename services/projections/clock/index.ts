/** The register's clock (architecture decision 7): what `register start` and `register tick` wire. */
export { startDailyClock, type DailyClock, type DailyClockDeps } from './daily.js';
export { CLOCK_EVENT_NAMESPACE, clockEventId } from './event-ids.js';
export { allResidentIds } from './resident-ids.js';
export { tick, type TickDeps, type TickProgress, type TickResult } from './tick.js';
