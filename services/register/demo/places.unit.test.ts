import { describe, expect, it } from 'vitest';
import { municipalityCheckDigit, MunicipalityCode } from '../../../events/values.js';
import { MUNICIPALITIES } from './places.js';

describe('municipalities of the demo (JIS X 0402 local-government codes)', () => {
  it('lists at least 60 distinct real codes, each with the right check digit (Art. 19-7(1): ward codes in designated cities)', () => {
    const codes = MUNICIPALITIES.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(60);
    for (const code of codes) {
      expect(municipalityCheckDigit(code.slice(0, 5)), code).toBe(Number(code.charAt(5)));
      expect(MunicipalityCode.safeParse(code).success, code).toBe(true);
    }
  });

  it('includes the wards the scenarios name (131016 Chiyoda, 131041 Shinjuku, 131121 Setagaya, 131202 Nerima)', () => {
    const byCode = new Map(MUNICIPALITIES.map(([code, name]) => [code, name]));
    expect(byCode.get('131016')).toBe('Chiyoda-ku, Tokyo');
    expect(byCode.get('131041')).toBe('Shinjuku-ku, Tokyo');
    expect(byCode.get('131121')).toBe('Setagaya-ku, Tokyo');
    expect(byCode.get('131202')).toBe('Nerima-ku, Tokyo');
  });

  it('puts about half of the weight in the five largest prefectures (Tokyo, Aichi, Osaka, Kanagawa, Saitama)', () => {
    const total = MUNICIPALITIES.reduce((sum, [, , weight]) => sum + weight, 0);
    const topFive = MUNICIPALITIES.filter(([code]) => /^(13|23|27|14|11)/.test(code)).reduce((sum, [, , weight]) => sum + weight, 0);
    expect(topFive / total).toBeGreaterThan(0.45);
    expect(topFive / total).toBeLessThan(0.6);
  });
});
