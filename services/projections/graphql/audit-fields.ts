import type { FragmentDefinitionNode, GraphQLNamedType, GraphQLObjectType, GraphQLResolveInfo, SelectionNode } from 'graphql';
import { graphql } from './graphql-js.js';

const { getNamedType, isObjectType, Kind } = graphql;

/** Which fields of a `@personalData` object a response returns, named by path from the selection set. */

/** A type whose objects describe one identified resident (`@personalData` in the SDL). */
export const holdsPersonalData = (type: GraphQLNamedType): boolean =>
  type.astNode?.directives?.some((directive) => directive.name.value === 'personalData') ?? false;

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/** The fields a selection asks of `type`, through fragments (the schema has no abstract types). */
const fieldsOf = (selections: readonly SelectionNode[], fragments: Fragments, seen: ReadonlySet<string>): { name: string; selections: readonly SelectionNode[] }[] =>
  selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ name: selection.name.value, selections: selection.selectionSet?.selections ?? [] }];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet.selections, fragments, seen);
    const fragment = fragments[selection.name.value];
    if (fragment === undefined || seen.has(selection.name.value)) return [];
    return fieldsOf(fragment.selectionSet.selections, fragments, new Set([...seen, selection.name.value]));
  });

/**
 * The leaf paths under `type` that `selections` ask for, e.g. `name`, `dateOfBirth`. A nested
 * `@personalData` object is left out: it is audited as itself, with its own resident id.
 */
const leavesOf = (type: GraphQLObjectType, selections: readonly SelectionNode[], fragments: Fragments, prefix: string): string[] =>
  fieldsOf(selections, fragments, new Set()).flatMap(({ name, selections: inner }) => {
    const field = type.getFields()[name];
    if (field === undefined) return []; // __typename
    const named = getNamedType(field.type);
    if (holdsPersonalData(named)) return [];
    if (!isObjectType(named)) return [`${prefix}${name}`];
    return leavesOf(named, inner, fragments, `${prefix}${name}.`);
  });

/**
 * The fields of the `@personalData` object (the field's parent) that resolving this field returns:
 * `particulars.name`, `address.line`… A `Resident`'s are named from the resident; another type's
 * carry the type's name first (`AddressLapse.ground`), so that one entry can hold both.
 */
export const returnedFields = (info: GraphQLResolveInfo): string[] => {
  const prefix = info.parentType.name === 'Resident' ? '' : `${info.parentType.name}.`;
  const named = getNamedType(info.returnType);
  if (holdsPersonalData(named)) return [];
  if (!isObjectType(named)) return [`${prefix}${info.fieldName}`];
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return [...new Set(leavesOf(named, selections, info.fragments, `${prefix}${info.fieldName}.`))];
};
