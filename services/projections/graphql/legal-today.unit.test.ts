import { describe, expect, it } from 'vitest';
import { legalDateOf } from '../../register/domain/rules/calendar.js';
import { legalToday } from './legal-today.js';

describe("a request's legal today, kept per minute", () => {
  it('agrees with legalDateOf around midnight JST, whatever the offset and precision, as the clock moves', () => {
    const instants = [
      '2026-03-31T14:59:59.999Z', '2026-03-31T15:00:00Z', '2026-03-31T15:00:00.001Z', '2026-03-31T14:59:00Z',
      '2026-03-31T23:59:59+09:00', '2026-04-01T00:00:00+09:00', '2026-03-31T10:00:00-05:00', '2026-03-31T10:00:00-0500',
      '2024-02-28T15:00:00Z', '2024-02-29T14:59:59.5z', '2026-12-31T15:00:00Z', '2026-03-31T15:00:00+00:00',
    ];
    let now = instants[0] ?? '';
    const today = legalToday(() => now);
    for (const instant of [...instants, ...[...instants].reverse()]) {
      now = instant;
      expect([instant, today()]).toEqual([instant, legalDateOf(instant)]);
    }
  });

  it('refuses an instant without an offset as legalDateOf does', () => {
    expect(() => legalToday(() => '2026-03-31T15:00:00')()).toThrow(RangeError);
  });
});
