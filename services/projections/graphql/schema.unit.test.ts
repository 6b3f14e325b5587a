import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphQLNamedType, GraphQLObjectType } from 'graphql';
import { FIELD_ROLES } from './access.js';
import { holdsPersonalData } from './audit-fields.js';
import { ENUMS, enumName } from './enums.js';
import { graphql } from './graphql-js.js';
import { resolversOf } from './resolvers.js';
import { schemaFilePath } from './schema-file.js';
import type { AuditLog } from '../audit/audit-log.js';

const { buildSchema, getNamedType, isEnumType, isObjectType } = graphql;
const schema = buildSchema(readFileSync(schemaFilePath(), 'utf8'));
const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));
const objectTypes = types.filter((type): type is GraphQLObjectType => isObjectType(type));
const LEGAL_BASIS = /\bArts?\. \d|\b[A-Z]{2,6}-\d+\b/; // an article, or a rules.md rule id (DT-8, CAN-3…)

/** Object types whose fields carry a resident's data: the @personalData types and what they nest. */
const personalDataTypes = (): Set<GraphQLObjectType> => {
  const found = new Set<GraphQLObjectType>();
  const visit = (type: GraphQLNamedType): void => {
    if (!isObjectType(type) || found.has(type)) return;
    found.add(type);
    Object.values(type.getFields()).forEach((field) => visit(getNamedType(field.type)));
  };
  objectTypes.filter(holdsPersonalData).forEach(visit);
  return found;
};

describe('schema/register.graphql and the code that serves it', () => {
  it('maps every enum of the SDL, value for value, to its domain values', () => {
    const sdlEnums = Object.fromEntries(types.filter(isEnumType).map((type) => [type.name, type.getValues().map((v) => v.name).sort()]));
    const mapped = Object.fromEntries(Object.entries(ENUMS).map(([name, values]) => [name, Object.keys(values).sort()]));
    expect(mapped).toEqual(sdlEnums);
  });

  it('names domain values as GraphQL enum values, articles prefixed with ART_', () => {
    expect(enumName('19-14(ii)')).toBe('ART_19_14_II');
    expect(enumName('24(iv)(b)')).toBe('ART_24_IV_B');
    expect(enumName('metLate')).toBe('MET_LATE');
    expect(enumName('engineer-specialist')).toBe('ENGINEER_SPECIALIST');
  });

  it('has a resolver for every query field and grants every query field to some role (deny by default)', () => {
    const queryFields = Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();
    const fakeAudit: AuditLog = { record: async () => undefined, entries: () => ({ items: [], endCursor: null, hasNextPage: false, totalCount: 0 }), close: () => undefined };
    expect(Object.keys(resolversOf(fakeAudit).Query).sort()).toEqual(queryFields);
    expect(Object.keys(FIELD_ROLES).sort()).toEqual(queryFields);
  });

  it('documents the legal basis of every field of a @personalData type (Art. 19-36(3), INFO-2)', () => {
    const undocumented = objectTypes
      .filter(holdsPersonalData)
      .flatMap((type) => Object.values(type.getFields()).filter((f) => !LEGAL_BASIS.test(f.description ?? '')).map((f) => `${type.name}.${f.name}`));
    expect(undocumented).toEqual([]);
  });

  it('describes every type and field nested in personal data, each nested type citing its legal basis', () => {
    const nested = [...personalDataTypes()];
    expect(nested.filter((type) => !LEGAL_BASIS.test(type.description ?? '')).map((t) => t.name)).toEqual([]);
    const bare = nested.flatMap((type) => Object.values(type.getFields()).filter((f) => (f.description ?? '') === '').map((f) => `${type.name}.${f.name}`));
    expect(bare).toEqual([]);
  });

  it('marks as personal data every query that returns a @personalData type, and says it is audited', () => {
    const fields = Object.values(schema.getQueryType()?.getFields() ?? {});
    const personal = fields.filter((field) => {
      const named = getNamedType(field.type);
      const inner = isObjectType(named) ? [named, ...Object.values(named.getFields()).map((f) => getNamedType(f.type))] : [named];
      return inner.some((type) => isObjectType(type) && (holdsPersonalData(type) || Object.values(type.getFields()).some((f) => holdsPersonalData(getNamedType(f.type)))));
    });
    expect(personal.map((f) => f.name).sort()).toEqual(['addressLapses', 'deadlines', 'history', 'quarantine', 'resident', 'residentByCard', 'residents']);
    expect(personal.filter((f) => !/Personal data.*audited/s.test(f.description ?? '')).map((f) => f.name)).toEqual([]);
  });
});
