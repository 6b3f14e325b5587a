import { describe, expect, it } from 'vitest';
import { memoizedComplexityCheck } from './complexity-memo.js';
import { graphql } from './graphql-js.js';
import { loadSchemaSdl } from './schema-file.js';

const { buildSchema, parse, Kind } = graphql;
const schema = buildSchema(loadSchemaSdl());

const RESIDENT = 'id particulars { name dateOfBirth nationality } address { line municipalityCode } stay { statusOfResidence expiresOn }';
const document = parse(`query P($n: Int, $all: Boolean!, $m: String) {
  residents(first: $n, municipality: $m) { edges { node { ${RESIDENT} cards @include(if: $all) { number } } } }
}`);
const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');

describe('the complexity check, kept per document and counted variables', () => {
  it('refuses a larger page or an included list after the same document passed with other values', () => {
    const check = memoizedComplexityCheck(1_000);
    const run = (variables: Record<string, unknown>) => () => check({ schema, document, operation, variables });
    expect(run({ n: 5, all: false })).not.toThrow();
    expect(run({ n: 5, all: false, m: '131016' })).not.toThrow();
    expect(run({ n: 500, all: false })).toThrow(/complexity/);
    expect(run({ n: 500, all: false })).toThrow(/complexity/); // a refusal is not kept as a pass
    expect(run({ n: 5, all: false })).not.toThrow();
    expect(run({ n: 70, all: false })).not.toThrow();
    expect(run({ n: 70, all: true })).toThrow(/complexity/);
  });

  it('never keeps a pass for variables that did not coerce', () => {
    const check = memoizedComplexityCheck(1_000);
    const run = (variables: Record<string, unknown>) => () => check({ schema, document, operation, variables });
    expect(run({ n: 500 })).not.toThrow(); // $all missing: left to execution, as checkComplexity does
    expect(run({ n: 500, all: false })).toThrow(/complexity/);
  });
});
