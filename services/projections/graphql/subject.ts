/**
 * Marks an object that holds one resident's personal data with the resident's id. The audit plugin
 * reads it from the parent of every field of a `@personalData` type; an object of such a type
 * without it is refused rather than returned unaudited (rules.md INFO-2).
 */
export const SUBJECT: unique symbol = Symbol('resident whose personal data this object holds');

export interface Subject {
  readonly [SUBJECT]: string;
}

export const subjectOf = (source: unknown): string | undefined => {
  if (typeof source !== 'object' || source === null || !(SUBJECT in source)) return undefined;
  const id: unknown = (source as Partial<Subject>)[SUBJECT];
  return typeof id === 'string' ? id : undefined;
};
