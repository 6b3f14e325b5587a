import type { JsonSchema } from './json-schema.js';

/**
 * Whether a payload schema still accepts everything its published baseline promised, so that a
 * subscriber written against the baseline keeps working. Compatible: adding an optional field,
 * widening an enum or a type, dropping a constraint. Breaking: removing a field, making an optional
 * one required, narrowing a type or an enum, changing a const, pattern or format.
 */
export interface Incompatibility {
  readonly type: string;
  readonly field: string;
  readonly rule: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const strings = (value: unknown): string[] => asArray(value).filter((v): v is string => typeof v === 'string');
const label = (path: string): string => (path === '' ? '(payload)' : path);

const alternativesOf = (schema: JsonSchema): JsonSchema[] => (Array.isArray(schema.anyOf) ? schema.anyOf.filter(isRecord) : [schema]);

const typesOf = (schema: JsonSchema): Set<string> => new Set(alternativesOf(schema).flatMap((alt) => strings(alt.type)));

const enumOf = (schema: JsonSchema): unknown[] | undefined => {
  const alts = alternativesOf(schema);
  if (alts.some((alt) => alt.enum === undefined && alt.const === undefined && alt.type !== 'null')) return undefined;
  return alts.flatMap((alt) => (alt.type === 'null' ? [null] : alt.const !== undefined ? [alt.const] : asArray(alt.enum)));
};

/** The non-null alternative that holds an object or array shape, if any. */
const shapeOf = (schema: JsonSchema): JsonSchema | undefined => alternativesOf(schema).find((alt) => alt.properties !== undefined || alt.items !== undefined);

const compareObject = (type: string, path: string, base: JsonSchema, current: JsonSchema, out: Incompatibility[]): void => {
  const baseProps = isRecord(base.properties) ? base.properties : {};
  const currentProps = isRecord(current.properties) ? current.properties : {};
  const baseRequired = new Set(strings(base.required));
  const currentRequired = new Set(strings(current.required));
  for (const [key, baseProp] of Object.entries(baseProps)) {
    const field = path === '' ? key : `${path}.${key}`;
    const currentProp = currentProps[key];
    if (!isRecord(currentProp) || !isRecord(baseProp)) {
      out.push({ type, field, rule: 'removed' });
      continue;
    }
    if (!baseRequired.has(key) && currentRequired.has(key)) out.push({ type, field, rule: 'was optional, is now required' });
    compareSchema(type, field, baseProp, currentProp, out);
  }
  for (const key of currentRequired)
    if (baseProps[key] === undefined) out.push({ type, field: path === '' ? key : `${path}.${key}`, rule: 'added as required (only optional fields may be added)' });
};

const compareSchema = (type: string, path: string, base: JsonSchema, current: JsonSchema, out: Incompatibility[]): void => {
  const baseTypes = typesOf(base);
  const currentTypes = typesOf(current);
  const lost = [...baseTypes].filter((t) => currentTypes.size > 0 && !currentTypes.has(t) && !(t === 'integer' && currentTypes.has('number')));
  if (lost.length > 0) out.push({ type, field: label(path), rule: `type narrowed: no longer accepts ${lost.join(', ')}` });
  const baseEnum = enumOf(base);
  const currentEnum = enumOf(current);
  if (baseEnum !== undefined && currentEnum !== undefined) {
    const missing = baseEnum.filter((value) => !currentEnum.some((c) => JSON.stringify(c) === JSON.stringify(value)));
    if (missing.length > 0) out.push({ type, field: label(path), rule: `enum narrowed: no longer accepts ${missing.map((v) => JSON.stringify(v)).join(', ')}` });
  } else if (baseEnum === undefined && currentEnum !== undefined) out.push({ type, field: label(path), rule: 'narrowed to an enum or const' });
  for (const keyword of ['pattern', 'format'] as const) {
    const b = alternativesOf(base).map((alt) => alt[keyword]).find((v) => v !== undefined);
    const c = alternativesOf(current).map((alt) => alt[keyword]).find((v) => v !== undefined);
    if (c !== undefined && JSON.stringify(b) !== JSON.stringify(c)) out.push({ type, field: label(path), rule: `${keyword} changed from ${JSON.stringify(b)} to ${JSON.stringify(c)}` });
  }
  const baseShape = shapeOf(base);
  const currentShape = shapeOf(current);
  if (baseShape === undefined) return;
  if (currentShape === undefined) {
    out.push({ type, field: label(path), rule: 'no longer an object or array' });
    return;
  }
  if (baseShape.properties !== undefined) compareObject(type, path, baseShape, currentShape, out);
  if (isRecord(baseShape.items) && isRecord(currentShape.items)) compareSchema(type, `${path}[]`, baseShape.items, currentShape.items, out);
};

/** What breaks a subscriber of `type` written against `baseline`; empty when `current` is compatible. */
export const incompatibilities = (type: string, baseline: JsonSchema, current: JsonSchema | undefined): Incompatibility[] => {
  if (current === undefined) return [{ type, field: '(type)', rule: 'event type removed (publish a new version beside it instead)' }];
  const out: Incompatibility[] = [];
  compareSchema(type, '', baseline, current, out);
  return out;
};

export const describeIncompatibility = ({ type, field, rule }: Incompatibility): string => `${type}: ${field}: ${rule}`;
