import { CardNumber, MunicipalityCode, ResidentId, type IsoDate } from '../../../events/values.js';
import { isAfter } from '../../register/domain/rules/calendar.js';
import { badUserInput } from './errors.js';

/** Arguments the SDL types only as strings, checked with the event catalogue's own rules. */

const checked =
  (schema: { safeParse: (value: unknown) => { success: boolean } }, rule: string) =>
  (name: string, value: string): string => {
    if (!schema.safeParse(value).success) throw badUserInput(`${name} ${rule}`);
    return value;
  };

export const residentIdArg = checked(ResidentId, 'must be a resident id (a UUID)');
export const cardNumberArg = checked(CardNumber, 'must be a residence card number: 2 capital letters, 8 digits, 2 capital letters');
export const municipalityArg = checked(MunicipalityCode, 'must be a 6-digit local government code with a valid check digit');

export const optionalMunicipality = (name: string, value: string | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : municipalityArg(name, value);

export interface DateRangeInput {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export const dateRangeArg = (name: string, range: DateRangeInput): DateRangeInput => {
  if (isAfter(range.from, range.to)) throw badUserInput(`${name}: from must not be after to`);
  return range;
};
