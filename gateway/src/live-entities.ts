import { NotFoundError } from '@stuffmart/common/runtime';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { RelayedError } from './relay-subscription.js';

/**
 * The fields of live payloads that stand for an entity other subgraphs extend, each with the
 * Query field that fetches that entity by id. The owning subgraph (orders) sends only the key;
 * the gateway resolves whatever else the subscriber selected, for every event.
 */
export const LIVE_ENTITY_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  StuffAvailability: { stuff: 'stuff' },
  OrderStatusUpdate: { order: 'order' },
};

/** Runs one query through the gateway (query planner, entity fetches) as the subscriber. */
export type RunQuery = (request: {
  query: string;
  variables: Record<string, unknown>;
}) => Promise<FormattedExecutionResult<Record<string, unknown>>>;

export interface LiveDocument {
  /** What the owning subgraph is sent: the client's operation, live entities cut down to their key. */
  upstream: DocumentNode;
  /** Whether events need the gateway's second step at all (no live entity field selected: no). */
  federated: boolean;
}

const idOnly = {
  kind: Kind.SELECTION_SET,
  selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'id' } }],
} as const;

const liveLookup = (typeName: string, fieldName: string) => LIVE_ENTITY_FIELDS[typeName]?.[fieldName];

/**
 * One operation and only the fragments and variables it still uses: the subgraph's validation
 * (and the gateway's, for entity queries) refuses unused ones.
 */
function pruned(operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[]): DocumentNode {
  const byName = new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
  const reachable = new Map<string, FragmentDefinitionNode>();
  const variables = new Set<string>();
  const scan = (node: ASTNode) =>
    visit(node, {
      VariableDefinition: () => false,
      Variable: (variable) => void variables.add(variable.name.value),
      FragmentSpread: (spread) => {
        const fragment = byName.get(spread.name.value);
        if (!fragment || reachable.has(fragment.name.value)) return;
        reachable.set(fragment.name.value, fragment);
        scan(fragment);
      },
    });
  scan(operation);
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        ...operation,
        variableDefinitions: operation.variableDefinitions?.filter((definition) =>
          variables.has(definition.variable.name.value),
        ),
      },
      ...reachable.values(),
    ],
  };
}

const fragmentsOf = (document: DocumentNode) =>
  document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);

/** The subgraph's share of a validated subscription: every live entity field selects only `id`. */
export function liveDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
): LiveDocument {
  const typeInfo = new TypeInfo(schema);
  let federated = false;
  const cut = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !liveLookup(parent.name, node.name.value)) return undefined;
        federated = true;
        return { ...node, selectionSet: idOnly };
      },
    }),
  );
  const operation = getOperationAST(cut, operationName);
  if (!federated || !operation) return { upstream: document, federated: false };
  return { upstream: pruned(operation, fragmentsOf(cut)), federated: true };
}

interface EventContext {
  runQuery: RunQuery;
  variables: Record<string, unknown>;
  /** Entity queries built for this subscription, by the path of their field (the same each event). */
  queries: Map<string, EntityQuery>;
  /** Errors of this event's entity queries at the absolute path of the field they null. */
  errorsAt: Map<string, GraphQLFormattedError>;
}

const pathKey = (path: readonly (string | number)[]) => path.join('.');

function responsePath(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let step: GraphQLResolveInfo['path'] | undefined = info.path; step; step = step.prev) path.unshift(step.key);
  return path;
}

interface EntityQuery {
  query: string;
  /** The variable that carries the entity's id (one the client's operation does not define). */
  idVariable: string;
}

/** `query LiveEntity($entityId: ID!, …) { stuff(id: $entityId) { …what the subscriber selected } }` */
function entityQuery(rootField: string, info: GraphQLResolveInfo): EntityQuery {
  const defined = new Set(info.operation.variableDefinitions?.map((definition) => definition.variable.name.value));
  let idName = 'entityId';
  while (defined.has(idName)) idName = `_${idName}`;
  const idVariable = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: idName } } as const;
  const entity: FieldNode = {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: rootField },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: idVariable }],
    // graphql-js hands us only the occurrences @skip/@include left in, already merged by response key.
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []),
    },
  };
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: 'LiveEntity' },
    variableDefinitions: [
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: idVariable,
        type: {
          kind: Kind.NON_NULL_TYPE,
          type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } },
        },
      },
      ...(info.operation.variableDefinitions ?? []),
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [entity] },
  };
  return { query: print(pruned(operation, Object.values(info.fragments))), idVariable: idName };
}

/** Nothing but `id` and `__typename` selected: the key the subgraph sent is the whole answer. */
const keyIsEnough = (info: GraphQLResolveInfo) =>
  info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every(
      (selection) =>
        selection.kind === Kind.FIELD &&
        (selection.name.value === 'id' || selection.name.value === '__typename') &&
        !selection.alias &&
        !selection.directives?.length,
    ),
  );

async function fetchEntity(rootField: string, key: unknown, context: EventContext, info: GraphQLResolveInfo) {
  if (key === null || typeof key !== 'object' || keyIsEnough(info)) return key;
  const path = responsePath(info);
  let built = context.queries.get(pathKey(path));
  if (!built) {
    built = entityQuery(rootField, info);
    context.queries.set(pathKey(path), built);
  }
  const { data, errors } = await context.runQuery({
    query: built.query,
    variables: { ...context.variables, [built.idVariable]: (key as { id?: unknown }).id },
  });
  // The entity query's paths start at its root field; in the event they start at this field.
  const located = (errors ?? []).map((error) => {
    const at = [...path, ...(error.path?.slice(1) ?? [])];
    return { ...error, locations: undefined, path: at };
  });
  for (const error of located) {
    if (!context.errorsAt.has(pathKey(error.path))) context.errorsAt.set(pathKey(error.path), error);
  }
  const entity = data?.[rootField];
  if (entity !== null && entity !== undefined) return entity;
  // Nulled by an error of its own or, through a non-null field, of one below it.
  const error = located.find((one) => pathKey(one.path) === pathKey(path)) ?? located[0];
  if (error) throw new RelayedError(error);
  // stuff(id) and order(id) answer null for an unknown id, order(id) for anyone but its buyer.
  const notFound = new NotFoundError(info.returnType.toString().replace(/!$/, ''));
  // Located here (nodes and path), so that it is sent as is rather than wrapped and stripped.
  throw new GraphQLError(notFound.message, { nodes: info.fieldNodes, path, extensions: notFound.extensions() });
}

/**
 * Every field reads the subgraph's event (or an entity query's answer) by its response key, so
 * the client's own document, aliases, fragments and directives included, shapes the result.
 */
const resolveFromEvent: GraphQLFieldResolver<unknown, EventContext> = (source, _args, context, info) => {
  const value = (source as Record<string, unknown> | null)?.[info.path.key];
  const rootField = liveLookup(info.parentType.name, info.fieldName);
  if (rootField) return fetchEntity(rootField, value, context, info);
  if (value === null || value === undefined) {
    const error = context.errorsAt.get(pathKey(responsePath(info)));
    if (error) throw new RelayedError(error);
  }
  return value;
};

export interface LiveEventsOptions {
  schema: GraphQLSchema;
  /** The client's validated document, operation name and variables. */
  document: DocumentNode;
  operationName?: string | null;
  variables: Record<string, unknown>;
  runQuery: RunQuery;
}

/**
 * Each event of a subscription made whole: the client's document is executed against the API
 * schema over the subgraph's event, and each live entity field runs as a query through the
 * gateway's own planner with the subscriber's identity (so privacy rules hold as in a query).
 * Events are completed one at a time, in the order they came.
 */
export function completeLiveEvents(
  events: AsyncIterableIterator<ExecutionResult>,
  options: LiveEventsOptions,
): AsyncIterableIterator<ExecutionResult> {
  const queries = new Map<string, EntityQuery>();
  const complete = async (event: ExecutionResult): Promise<ExecutionResult> => {
    if (!event.data) return event;
    const result = await execute({
      schema: options.schema,
      document: options.document,
      operationName: options.operationName,
      variableValues: options.variables,
      rootValue: event.data,
      contextValue: { runQuery: options.runQuery, variables: options.variables, queries, errorsAt: new Map() },
      fieldResolver: resolveFromEvent,
    });
    const errors = [...(event.errors ?? []), ...(result.errors ?? [])];
    return errors.length > 0 ? { data: result.data, errors } : { data: result.data };
  };
  const completed: Required<AsyncIterableIterator<ExecutionResult>> = {
    next: async () => {
      const item = await events.next();
      return item.done ? item : { value: await complete(item.value), done: false };
    },
    return: async () => events.return?.() ?? { value: undefined, done: true },
    throw: async (error: unknown) => events.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return completed;
    },
  };
  return completed;
}
