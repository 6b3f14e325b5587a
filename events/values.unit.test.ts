import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CardNumber, IsoDate, MunicipalityCode, municipalityCheckDigit, NationalityOrRegion, ResidentId } from './values.js';

const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } | undefined }): string =>
  result.error?.issues[0]?.message ?? 'no issue';

describe('IsoDate (DT-1)', () => {
  it('accepts a real JST calendar date such as 29 February of a leap year (DT-7)', () => {
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true);
  });

  it('rejects a date that does not exist: 2026-02-30 (DT-1)', () => {
    expect(firstIssue(IsoDate.safeParse('2026-02-30'))).toBe('must be a real calendar date');
  });

  it('rejects 29 February 2100: not a leap year under the Gregorian rule (DT-7)', () => {
    expect(IsoDate.safeParse('2100-02-29').success).toBe(false);
  });

  it('agrees with luxon in Asia/Tokyo on every YYYY-MM-DD shape, real or not (DT-1; the check is arithmetic for speed)', () => {
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
      const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      expect(IsoDate.safeParse(s).success).toBe(DateTime.fromISO(s, { zone: 'Asia/Tokyo' }).isValid);
    }), { numRuns: 20_000 });
  });

  it('rejects a timestamp where a legal date is expected (DT-1)', () => {
    expect(firstIssue(IsoDate.safeParse('2026-01-10T00:00:00Z'))).toBe('must be an ISO date YYYY-MM-DD');
  });
});

describe('CardNumber (Art. 19-4(2), CARD-2)', () => {
  it('accepts 2 letters, 8 digits, 2 letters', () => {
    expect(CardNumber.safeParse('AB00000101CD').success).toBe(true);
  });

  it.each(['AB0000010CD', 'A100000101CD', 'ab00000101cd', 'AB00000101C', 'AB00000101CDE'])(
    'rejects %s: not 2 capital letters, 8 digits, 2 capital letters (Art. 19-4(2), CARD-2)',
    (number) => {
      expect(firstIssue(CardNumber.safeParse(number))).toMatch(/2 capital letters, 8 digits, 2 capital letters/);
    },
  );
});

describe('MunicipalityCode (Art. 19-7(1), JIS X 0402 check digit)', () => {
  it.each(['131016', '131041', '131113', '131121', '131130', '131202'])('accepts the Tokyo ward code %s', (code) => {
    expect(MunicipalityCode.safeParse(code).success).toBe(true);
  });

  it('rejects Chiyoda-ku with a wrong check digit, 131017', () => {
    expect(firstIssue(MunicipalityCode.safeParse('131017'))).toBe('check digit of the local government code is wrong');
  });

  const firstFive = fc.stringMatching(/^\d{5}$/);

  it('accepts every code whose last digit is municipalityCheckDigit of the first five (property)', () => {
    fc.assert(
      fc.property(firstFive, (five) => MunicipalityCode.safeParse(`${five}${municipalityCheckDigit(five)}`).success),
    );
  });

  it('rejects every code whose last digit is any other digit (property)', () => {
    fc.assert(
      fc.property(firstFive, fc.integer({ min: 1, max: 9 }), (five, shift) => {
        const wrong = (municipalityCheckDigit(five) + shift) % 10;
        return !MunicipalityCode.safeParse(`${five}${wrong}`).success;
      }),
    );
  });
});

describe('other values', () => {
  it('rejects a nationality that is not an ISO 3166-1 alpha-3 code (Art. 19-4(1)(i))', () => {
    expect(firstIssue(NationalityOrRegion.safeParse('VN'))).toBe('must be an ISO 3166-1 alpha-3 code');
  });

  it('rejects a resident id that is not a UUID: a card number is never an identity (Art. 19-4(2))', () => {
    expect(ResidentId.safeParse('AB00000101CD').success).toBe(false);
  });
});
