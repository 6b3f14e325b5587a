import { describe, expect, it } from 'vitest';
import { departureConfirmed, parseData, reentered, reentryPermitExtended, reentryPermitGranted } from '../testing/events.js';

describe('DepartureConfirmed (Arts. 25, 26, 26-2)', () => {
  it('accepts a departure on a re-entry permit naming the permit (Art. 26(1))', () => {
    const event = departureConfirmed({ reentry: { kind: 'reentry-permit', permitId: 'RP-0001' } });
    expect(event.data.reentry).toEqual({ kind: 'reentry-permit', permitId: 'RP-0001' });
  });

  it('rejects a departure on a re-entry permit without the permit id (Art. 26(1))', () => {
    const data = { ...departureConfirmed().data, reentry: { kind: 'reentry-permit' } };
    expect(() => parseData('DepartureConfirmed', data)).toThrow('DepartureConfirmed: data.reentry.permitId:');
  });

  it('rejects a special re-entry on a refugee travel document: a passport is required (Art. 26-2(1), DRP-1)', () => {
    const data = { ...departureConfirmed().data, travelDocument: 'refugee-travel-document' };
    expect(() => parseData('DepartureConfirmed', data)).toThrow(
      'DepartureConfirmed: data.reentry.kind: a special re-entry permit needs a valid passport (Art. 26-2(1))',
    );
  });

  it('accepts a refugee travel document when leaving without a permit (DRP-2, rules.md §16 #10)', () => {
    const event = departureConfirmed({ reentry: { kind: 'none' }, travelDocument: 'refugee-travel-document' });
    expect(event.data.travelDocument).toBe('refugee-travel-document');
  });
});

describe('re-entry permits (Arts. 26, 26-2)', () => {
  it('rejects a permit valid until before it takes effect (Art. 26(2), (3))', () => {
    const data = { ...reentryPermitGranted().data, validUntil: '2026-03-01' };
    expect(() => parseData('ReentryPermitGranted', data)).toThrow('ReentryPermitGranted: data.validUntil: must not be before effectiveOn');
  });

  it('accepts a permit valid for its effective day only (DT-5: that day counts)', () => {
    expect(reentryPermitGranted({ validUntil: '2026-03-02' }).data.validUntil).toBe('2026-03-02');
  });

  it('rejects an extension on a basis other than Art. 26(4) or 26(5): a deemed permit cannot be extended (26-2(3))', () => {
    const data = { ...reentryPermitExtended().data, basis: '26-2(3)' };
    expect(() => parseData('ReentryPermitExtended', data)).toThrow('ReentryPermitExtended: data.basis:');
  });

  it('accepts a re-entry on a permit naming it (Art. 26(1))', () => {
    expect(reentered({ reentry: 'reentry-permit', permitId: 'RP-0001' }).data.permitId).toBe('RP-0001');
  });

  it('rejects a re-entry on a permit without its id (Art. 26(1))', () => {
    const data = { ...reentered().data, reentry: 'reentry-permit' };
    expect(() => parseData('Reentered', data)).toThrow('Reentered: data.permitId: is required for a re-entry on a re-entry permit');
  });

  it('rejects a permit id on a special re-entry: there is no permit document (Art. 26-2(1))', () => {
    const data = { ...reentered().data, permitId: 'RP-0001' };
    expect(() => parseData('Reentered', data)).toThrow('Reentered: data.permitId: must be absent');
  });
});
