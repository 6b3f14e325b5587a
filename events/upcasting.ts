import { currentVersionOf, RESIDENT_EVENT_REGISTRY, RESIDENT_EVENT_TYPES } from './catalogue.js';
import { EventVersionError, UnknownEventTypeError } from './errors.js';
import { UPCASTERS } from './upcasters.js';

/** Lifts the data of one event type from `fromVersion` to `fromVersion + 1`. Pure; never reads a clock. */
export type Upcaster = {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
};

/** Brings stored data of `type` at `version` to the current version of that type. */
export type Upcast = (type: string, version: number, data: unknown) => unknown;

const stepKey = (type: string, fromVersion: number): string => `${type}@${fromVersion}`;

/**
 * Builds `upcast` from the current version of each type and the upcasters. Two upcasters for the same
 * step are a programming error and throw here; a missing step throws when data needs it.
 */
export const createUpcast = (currentVersionOf: (type: string) => number | undefined, upcasters: readonly Upcaster[]): Upcast => {
  const steps = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = stepKey(upcaster.type, upcaster.fromVersion);
    if (steps.has(key)) throw new EventVersionError(upcaster.type, upcaster.fromVersion, 'two upcasters for the same version');
    steps.set(key, upcaster);
  }
  return (type, version, data) => {
    const current = currentVersionOf(type);
    if (current === undefined) throw new UnknownEventTypeError(type);
    if (!Number.isInteger(version) || version < 1) throw new EventVersionError(type, version, 'is not a data version');
    if (version > current) throw new EventVersionError(type, version, `is newer than the current version ${current}`);
    let lifted = data;
    for (let from = version; from < current; from += 1) {
      const step = steps.get(stepKey(type, from));
      if (step === undefined) throw new EventVersionError(type, from, `no upcaster to v${from + 1}`);
      lifted = step.upcast(lifted);
    }
    return lifted;
  };
};

/**
 * What is wrong with a chain of upcasters, one line per problem (empty when coherent): every type at
 * version n > 1 needs exactly one step from each of 1 … n-1, and no step may start at or after n.
 */
export const chainProblems = (
  currentVersions: Readonly<Record<string, number>>,
  upcasters: readonly Upcaster[],
): string[] => {
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const { type, fromVersion } of upcasters) {
    const current = currentVersions[type];
    const key = stepKey(type, fromVersion);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (current === undefined) problems.push(`${type} v${fromVersion}: upcaster for an unknown event type`);
    else if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion >= current)
      problems.push(`${type} v${fromVersion}: upcaster outside 1 … ${current - 1}`);
  }
  for (const [type, current] of Object.entries(currentVersions)) {
    if (!Number.isInteger(current) || current < 1) problems.push(`${type} v${current}: current version must be a positive integer`);
    for (let from = 1; from < current; from += 1) {
      const count = counts.get(stepKey(type, from)) ?? 0;
      if (count === 0) problems.push(`${type} v${from}: no upcaster to v${from + 1}`);
      if (count > 1) problems.push(`${type} v${from}: ${count} upcasters to v${from + 1}`);
    }
  }
  return problems;
};

/** Upcasting for the register's own catalogue. */
export const upcast: Upcast = createUpcast(currentVersionOf, UPCASTERS);

/** Problems in the catalogue's own chain; a test keeps this empty. */
export const catalogueChainProblems = (): string[] =>
  chainProblems(
    Object.fromEntries(RESIDENT_EVENT_TYPES.map((type) => [type, RESIDENT_EVENT_REGISTRY[type].currentVersion])),
    UPCASTERS,
  );
