import type { IsoDate } from '../values.js';
import type { IntegrationEventName } from './types.js';

/** An integration event before it is validated and put in its envelope. */
export interface Draft {
  readonly name: IntegrationEventName;
  /** The legal date of the fact: the CloudEvents `time` at 00:00 JST. */
  readonly on: IsoDate;
  readonly data: Readonly<Record<string, unknown>>;
}
