import { z } from 'zod';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * A real proleptic Gregorian date, by arithmetic: every stored event's dates are checked on every
 * read, and luxon's zone lookup made this check most of the command path's time (bench/README.md).
 */
const isCalendarDate = (s: string): boolean => {
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
};

/** A legal date: a JST calendar date, never a JS Date (rules.md DT-1). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant with an explicit offset (e.g. 2026-03-31T16:30:00Z). Named `…At`. */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** The register's own stable id of a person; a card number is never an identity (Art. 19-4(2)). */
export const ResidentId = z.uuid();
export type ResidentId = z.infer<typeof ResidentId>;

/** Residence card number: 2 letters, 8 digits, 2 letters (CARD-2, agency practice). */
export const CardNumber = z
  .string()
  .regex(/^[A-Z]{2}\d{8}[A-Z]{2}$/, 'must be a residence card number: 2 capital letters, 8 digits, 2 capital letters');
export type CardNumber = z.infer<typeof CardNumber>;

const CHECK_WEIGHTS = [6, 5, 4, 3, 2] as const;

/** Check digit of a local-government code (JIS X 0402): weights 6..2, modulus 11. */
export const municipalityCheckDigit = (firstFive: string): number => {
  let sum = 0;
  CHECK_WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(firstFive.charAt(i));
  });
  return (11 - (sum % 11)) % 10;
};

/** 6-digit local government code (ward code in designated cities, Art. 19-7(1)), check digit verified. */
export const MunicipalityCode = z
  .string()
  .regex(/^\d{6}$/, 'must be a 6-digit local government code')
  .refine(
    (code) => municipalityCheckDigit(code.slice(0, 5)) === Number(code.charAt(5)),
    'check digit of the local government code is wrong',
  );
export type MunicipalityCode = z.infer<typeof MunicipalityCode>;

/** Nationality as ISO 3166-1 alpha-3, or a region designated under Art. 2(v)(b) (e.g. TWN, PSE). */
export const NationalityOrRegion = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code');
export type NationalityOrRegion = z.infer<typeof NationalityOrRegion>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

/** Identity particulars a card records (Art. 19-4(1)(i)). */
export const PersonalParticulars = z.object({
  name: z.string().trim().min(1).max(200),
  dateOfBirth: IsoDate,
  sex: Sex,
  nationality: NationalityOrRegion,
});
export type PersonalParticulars = z.infer<typeof PersonalParticulars>;

/** A residence address (住居地) inside one municipality. */
export const Address = z.object({
  municipalityCode: MunicipalityCode,
  line: z.string().trim().min(1).max(300),
  postalCode: z
    .string()
    .regex(/^\d{3}-?\d{4}$/, 'must be a Japanese postal code 123-4567')
    .optional(),
});
export type Address = z.infer<typeof Address>;

/** An affiliated organization (所属機関) as notified under Art. 19-16 / reported under 19-17, 19-18. */
export const Organization = z.object({
  name: z.string().trim().min(1).max(300),
  address: z.string().trim().min(1).max(300).optional(),
  corporateNumber: z
    .string()
    .regex(/^\d{13}$/, 'must be a 13-digit corporate number')
    .optional(),
});
export type Organization = z.infer<typeof Organization>;

/** Port of entry or departure (a seaport or airport name as the inspector records it). */
export const Port = z.string().trim().min(1).max(100);

/** Who physically filed a notification or application (Art. 61-9-3). */
export const FiledBy = z.enum(['self', 'relative', 'legal-representative', 'agent']);
export type FiledBy = z.infer<typeof FiledBy>;

/** How an application reached the agency or a card reached the holder (rules.md §15). */
export const Channel = z.enum(['counter', 'online', 'post']);
export type Channel = z.infer<typeof Channel>;

/** Id of an application (change, extension, PR, re-entry, card procedures) as the agency files it. */
export const ApplicationId = z.string().trim().min(1).max(100);
export type ApplicationId = z.infer<typeof ApplicationId>;

/** Id of a re-entry permit (Art. 26): the permit number on the sticker or the permit document. */
export const ReentryPermitId = z.string().trim().min(1).max(100);
export type ReentryPermitId = z.infer<typeof ReentryPermitId>;

/** Id of one municipal relay (Arts. 19-7 to 19-9, 61-8-2): the idempotency key of what a municipality sent. */
export const RelayId = z.string().trim().min(1).max(200);
export type RelayId = z.infer<typeof RelayId>;
