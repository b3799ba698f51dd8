import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What a list field without a `first` is assumed to hold, and `first` when a client leaves it out. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * The largest page any list serves (`first` is 1..100 everywhere). A larger `first` is counted
 * as this page, so the subgraph gets to refuse it with the contract's BAD_USER_INPUT on `first`
 * instead of the client being told the query is too costly.
 */
export const MAX_PAGE_SIZE = 100;

/**
 * What an operation may cost to run, given its variables: each field costs 1 plus what is under
 * it, and a field with a `first` argument (literal, variable or its default) multiplies what is
 * under it by that `first`. A list field without one multiplies by DEFAULT_PAGE_SIZE, except
 * directly inside a field that has a `first` (a connection's `nodes` and `edges` are that page,
 * counted once). `__schema` is left out: Sandbox needs it, and it has its own guard.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Bad variables are refused later with BAD_USER_INPUT; until then `first` takes its default.
  const variables = coerced.coerced ?? {};
  // A fragment's cost does not depend on where it is spread, so each is counted once: a
  // document that spreads fragments into fragments costs us time linear in its size.
  const fragmentCosts = new Map<string, number>();

  const firstOf = (node: FieldNode, parent: GraphQLNamedType): number | undefined => {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return undefined;
    const definition = parent.getFields()[node.name.value];
    if (!definition?.args.some((arg) => arg.name === 'first')) return undefined;
    let first: unknown;
    try {
      first = getArgumentValues(definition, node, variables).first;
    } catch {
      first = undefined;
    }
    // Out of range is BAD_USER_INPUT in the subgraph; here it must never make a query cheaper
    // than the page that could run.
    return typeof first === 'number' && Number.isInteger(first)
      ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE)
      : DEFAULT_PAGE_SIZE;
  };

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, inPage: boolean): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, type ?? parent, inPage);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const key = `${name} ${inPage}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          cost = fragment && type ? selectionCost(fragment.selectionSet, type, inPage) : 0;
          fragmentCosts.set(key, cost);
        }
        total += cost;
      } else {
        total += fieldCost(selection, parent, inPage);
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, inPage: boolean): number => {
    if (node.name.value === '__schema') return 0;
    if (!node.selectionSet) return 1;
    const definition =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!definition) return 1;
    const type = getNamedType(definition.type);
    const first = firstOf(node, parent);
    const multiplier = first ?? (isListType(getNullableType(definition.type)) && !inPage ? DEFAULT_PAGE_SIZE : 1);
    return 1 + multiplier * selectionCost(node.selectionSet, type, first !== undefined);
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root, false) : 0;
}
