/**
 * Answers of the GraphQL API, checked where they enter the page: a decoder returns the typed value
 * or throws a DecodeError naming the path and the rule (the page cannot load zod without a bundler).
 */

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export type Decoder<T> = (value: unknown, path: string) => T;

const fail = (path: string, rule: string): never => {
  throw new DecodeError(`${path}: ${rule}`);
};

export const str: Decoder<string> = (v, path) => (typeof v === 'string' ? v : fail(path, 'must be a string'));
export const num: Decoder<number> = (v, path) => (typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'must be a number'));
export const bool: Decoder<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'must be a boolean'));

export const nullable =
  <T>(decoder: Decoder<T>): Decoder<T | null> =>
  (v, path) =>
    v === null || v === undefined ? null : decoder(v, path);

export const list =
  <T>(decoder: Decoder<T>): Decoder<T[]> =>
  (v, path) =>
    Array.isArray(v) ? v.map((item: unknown, i) => decoder(item, `${path}[${i}]`)) : fail(path, 'must be a list');

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Shape = Record<string, Decoder<unknown>>;
type Decoded<S extends Shape> = { [K in keyof S]: ReturnType<S[K]> };

export const obj =
  <S extends Shape>(shape: S): Decoder<Decoded<S>> =>
  (v, path) => {
    if (!isRecord(v)) return fail(path, 'must be an object');
    const out: Record<string, unknown> = {};
    for (const [key, decoder] of Object.entries(shape)) out[key] = decoder(v[key], `${path}.${key}`);
    return out as Decoded<S>;
  };
