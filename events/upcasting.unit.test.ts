import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RESIDENT_EVENT_REGISTRY, RESIDENT_EVENT_TYPES } from './catalogue.js';
import { EventVersionError, UnknownEventTypeError } from './errors.js';
import { UPCASTERS } from './upcasters.js';
import { catalogueChainProblems, chainProblems, createUpcast, upcast, type Upcaster } from './upcasting.js';

/**
 * A fixture family, not in the catalogue: `FixtureCardNoted`.
 * v1 { card: string }  →  v2 { cardNumber: string }  →  v3 { cardNumber: string, channel: 'counter' }
 */
const v1ToV2: Upcaster = {
  type: 'FixtureCardNoted',
  fromVersion: 1,
  upcast: (data) => {
    const { card, ...rest } = z.looseObject({ card: z.string() }).parse(data);
    return { ...rest, cardNumber: card };
  },
};
const v2ToV3: Upcaster = {
  type: 'FixtureCardNoted',
  fromVersion: 2,
  upcast: (data) => ({ ...z.looseObject({ cardNumber: z.string() }).parse(data), channel: 'counter' }),
};
const versions: Record<string, number> = { FixtureCardNoted: 3, FixtureOther: 1 };
const versionOf = (type: string): number | undefined => versions[type];

describe('createUpcast', () => {
  const fixtureUpcast = createUpcast(versionOf, [v2ToV3, v1ToV2]);

  it('lifts v1 data through every step to the current v3, in version order', () => {
    expect(fixtureUpcast('FixtureCardNoted', 1, { card: 'AB00000101CD' })).toEqual({ cardNumber: 'AB00000101CD', channel: 'counter' });
  });

  it('surfaces an upcaster that cannot read the data it is given', () => {
    expect(() => fixtureUpcast('FixtureCardNoted', 1, { cardNumber: 'AB00000101CD' })).toThrow(z.ZodError);
  });

  it('lifts v2 data by the last step only', () => {
    expect(fixtureUpcast('FixtureCardNoted', 2, { cardNumber: 'AB00000101CD' })).toEqual({ cardNumber: 'AB00000101CD', channel: 'counter' });
  });

  it('returns data already at the current version unchanged', () => {
    const data = { cardNumber: 'AB00000101CD', channel: 'online' };
    expect(fixtureUpcast('FixtureCardNoted', 3, data)).toBe(data);
  });

  it('rejects a version newer than the current one, naming the type and version', () => {
    expect(() => fixtureUpcast('FixtureCardNoted', 4, {})).toThrow(new EventVersionError('FixtureCardNoted', 4, 'is newer than the current version 3'));
    expect(() => fixtureUpcast('FixtureCardNoted', 4, {})).toThrow('FixtureCardNoted v4');
  });

  it('rejects a missing step, naming the type and the version it is stuck at', () => {
    const gappy = createUpcast(versionOf, [v2ToV3]);
    expect(() => gappy('FixtureCardNoted', 1, { card: 'AB00000101CD' })).toThrow('FixtureCardNoted v1: no upcaster to v2');
  });

  it('rejects version 0 and fractional versions', () => {
    expect(() => fixtureUpcast('FixtureCardNoted', 0, {})).toThrow('FixtureCardNoted v0: is not a data version');
    expect(() => fixtureUpcast('FixtureCardNoted', 1.5, {})).toThrow(EventVersionError);
  });

  it('rejects an unknown type', () => {
    expect(() => fixtureUpcast('FixtureMissing', 1, {})).toThrow(UnknownEventTypeError);
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => createUpcast(versionOf, [v1ToV2, v1ToV2])).toThrow('FixtureCardNoted v1: two upcasters for the same version');
  });
});

describe('chainProblems', () => {
  it('finds nothing wrong with a complete chain', () => {
    expect(chainProblems(versions, [v1ToV2, v2ToV3])).toEqual([]);
  });

  it('names a missing step', () => {
    expect(chainProblems(versions, [v2ToV3])).toEqual(['FixtureCardNoted v1: no upcaster to v2']);
  });

  it('names a step at or beyond the current version and a step for an unknown type', () => {
    const beyond: Upcaster = { ...v1ToV2, type: 'FixtureOther' };
    const stray: Upcaster = { ...v1ToV2, type: 'FixtureGone' };
    expect(chainProblems(versions, [v1ToV2, v2ToV3, beyond, stray])).toEqual([
      'FixtureOther v1: upcaster outside 1 … 0',
      'FixtureGone v1: upcaster for an unknown event type',
    ]);
  });

  it('names a duplicated step', () => {
    expect(chainProblems(versions, [v1ToV2, v1ToV2, v2ToV3])).toEqual(['FixtureCardNoted v1: 2 upcasters to v2']);
  });
});

describe("the catalogue's own chain", () => {
  it('is coherent: every type has exactly one upcaster per version below its current one', () => {
    expect(catalogueChainProblems()).toEqual([]);
  });

  it('has no upcaster for a type outside the catalogue', () => {
    const known = new Set<string>(RESIDENT_EVENT_TYPES);
    expect(UPCASTERS.filter((upcaster) => !known.has(upcaster.type))).toEqual([]);
  });

  it.each(RESIDENT_EVENT_TYPES)('%s data at its current version passes through unchanged', (type) => {
    const data = { marker: type };
    expect(upcast(type, RESIDENT_EVENT_REGISTRY[type].currentVersion, data)).toBe(data);
  });
});
