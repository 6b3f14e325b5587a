/**
 * The demo's only source of chance: sfc32 (Chris Doty-Humphrey's Small Fast Counter, from PractRand)
 * seeded by cyrb128 of a string. Deterministic across platforms and Node versions, unlike Math.random,
 * so that a seed names one population exactly.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A waiting time with the given mean (exponential distribution), for events at a constant rate. */
  exponential(mean: number): number;
}

/** cyrb128 (bryc): four 32-bit words from a string, the seed of sfc32. */
const cyrb128 = (text: string): [number, number, number, number] => {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
};

/** sfc32: 128 bits of state, period ≥ 2^32, passes PractRand; one float per call. */
const sfc32 = (seed: [number, number, number, number]): (() => number) => {
  let [a, b, c, d] = seed;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
};

/** A generator for one seed string; the same string always gives the same sequence. */
export const seededRandom = (seed: string): Random => {
  const next = sfc32(cyrb128(seed));
  // Discard the first outputs: sfc32's state needs a few rounds to mix a low-entropy seed.
  for (let i = 0; i < 12; i += 1) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
  };
};

/** A table of values with relative weights, drawn in proportion to them. */
export interface Weighted<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export const weighted = <T>(entries: readonly (readonly [T, number])[]): Weighted<T> => {
  let total = 0;
  const cumulative = entries.map(([, weight]) => (total += weight));
  if (total <= 0) throw new RangeError('a weighted table needs a positive total weight');
  return { values: entries.map(([value]) => value), cumulative, total };
};

/** Binary search over the cumulative weights: O(log n) per draw, for tables of any size. */
export const draw = <T>(rng: Random, table: Weighted<T>): T => {
  const target = rng.next() * table.total;
  let low = 0;
  let high = table.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((table.cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  const value = table.values[low];
  if (value === undefined) throw new RangeError('draw from an empty table');
  return value;
};
