import type { IsoDate } from '../../../../events/values.js';
import { dateOf, dayAfter, isBefore, isLeapYear, partsOf } from './calendar.js';
import { periodEndInYears } from './periods.js';

/** DT-7: ages, the 16th birthday and 29 February (Act on the Calculation of Age; ICRRA Art. 19-5(1)(ii)). */

const SIXTEEN = 16;

/**
 * DT-7, Art. 19-5(1)(ii): the 16th birthday; a 29-February child's is deemed 28 February in a
 * non-leap year (born 2084-02-29 → 2100-02-28, since 2100 is not a leap year).
 */
export const sixteenthBirthday = (dateOfBirth: IsoDate): IsoDate => {
  const { year, month, day } = partsOf(dateOfBirth);
  const target = year + SIXTEEN;
  const deemed = month === 2 && day === 29 && !isLeapYear(target);
  return dateOf(target, month, deemed ? 28 : day);
};

/**
 * DT-7, Act on the Calculation of Age + Civil Code Art. 143: the first day on which the person is
 * `years` old. Age counts the day of birth, so age N is reached at the end of the period's last day.
 */
export const firstDayOfAge = (dateOfBirth: IsoDate, years: number): IsoDate =>
  dayAfter(periodEndInYears(dateOfBirth, years, { includeFirstDay: true }));

/**
 * DT-7, Art. 19-5(1)(ii),(iv): under 16 on `date`. Uses the age rule, not the deemed birthday: a
 * 29-February child is still 15 on 28 February of a non-leap year and 16 from 1 March.
 */
export const isUnder16On = (dateOfBirth: IsoDate, date: IsoDate): boolean =>
  isBefore(date, firstDayOfAge(dateOfBirth, SIXTEEN));
