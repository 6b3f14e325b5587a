import type { IsoDate } from '../../../../events/values.js';
import { withinDaysFrom } from './periods.js';

/** APP-5, Art. 22-2(1): born in Japan / lost Japanese nationality → may stay without status 60 days (DT-2). */
export const stayWithoutStatusLastDay = (eventOn: IsoDate): IsoDate => withinDaysFrom(eventOn, 60);
