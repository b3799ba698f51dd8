import { Kind, parse, type ConstDirectiveNode, type DefinitionNode } from 'graphql';

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, directive: string): string[] {
  return (directives ?? [])
    .filter((node) => node.name.value === directive)
    .filter((node) => argument(node, 'external') !== true && argument(node, 'usedOverridden') !== true)
    .flatMap((node) => {
      const graph = argument(node, 'graph');
      return typeof graph === 'string' ? [graph] : [];
    });
}

function subscriptionTypeName(definitions: readonly DefinitionNode[]): string {
  for (const definition of definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    const named = definition.operationTypes?.find((type) => type.operation === 'subscription');
    if (named) return named.type.name.value;
  }
  return 'Subscription';
}

/**
 * Which subgraph serves each root field of Subscription, read from the supergraph's join
 * directives: the field's own `@join__field(graph:)`, or else its type's `@join__type(graph:)`.
 * The gateway passes each subscription through to that subgraph.
 */
export function subscriptionOwners(supergraphSdl: string): Map<string, string> {
  const { definitions } = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const subgraph = name && argument(name, 'name');
      if (typeof subgraph === 'string') graphNames.set(value.name.value, subgraph);
    }
  }

  const typeName = subscriptionTypeName(definitions);
  const owners = new Map<string, string>();
  for (const definition of definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== typeName
    ) {
      continue;
    }
    const typeGraphs = graphsOf(definition.directives, 'join__type');
    for (const field of definition.fields ?? []) {
      const graph = graphsOf(field.directives, 'join__field')[0] ?? typeGraphs[0];
      const subgraph = graph === undefined ? undefined : graphNames.get(graph);
      if (subgraph) owners.set(field.name.value, subgraph);
    }
  }
  return owners;
}
