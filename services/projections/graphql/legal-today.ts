import type { Instant, IsoDate } from '../../../events/values.js';
import { legalDateOf } from '../../register/domain/rules/calendar.js';

/** Minutes and an explicit offset; seconds and their fractions do not move a date (offsets are whole minutes). */
const TO_THE_MINUTE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Every request needs its legal "today" (JST) from the injected clock; `legalDateOf` (luxon, with
 * the zone) cost 3 % of a `resident(id)` request. The date is the same for every instant of one
 * minute written with one offset, so the last minute's answer is kept and luxon runs once a minute.
 * The clock stays the only time source: the instant is read on every call.
 */
export const legalToday = (clock: () => Instant): (() => IsoDate) => {
  let lastKey: string | undefined;
  let lastDate: IsoDate | undefined;
  return () => {
    const instant = clock();
    const minute = TO_THE_MINUTE.exec(instant);
    if (minute === null) return legalDateOf(instant); // anything unusual: luxon decides (or refuses)
    const key = `${minute[1] ?? ''}${(minute[2] ?? '').toUpperCase()}`;
    if (key !== lastKey || lastDate === undefined) {
      lastDate = legalDateOf(instant);
      lastKey = key;
    }
    return lastDate;
  };
};
