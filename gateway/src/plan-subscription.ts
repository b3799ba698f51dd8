import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { liveDocument, type LiveDocument } from './live-entities.js';
import { costError, MAX_QUERY_TOKENS, tooManyTokens } from './query-limits.js';

export interface SubscriptionPlan {
  document: DocumentNode;
  /** The subgraph that owns the root field. */
  subgraph: string;
  /** The root field's alias or name: the path of an error about the whole subscription. */
  responseKey: string;
  /** What the subgraph is sent; live entity fields select only their key (see live-entities.ts). */
  upstream: LiveDocument;
}

export interface PlanOptions {
  /** The API schema clients see (the supergraph without its join machinery). */
  schema: GraphQLSchema;
  /** Root field of Subscription → subgraph name. */
  owners: Map<string, string>;
  /** The gateway's query limits (depth, aliases, directives), as on HTTP. */
  limits: readonly ValidationRule[];
  /** The cost limit, counted with the subscription's variables as on HTTP. */
  maxCost: number;
  /** In production, "Did you mean …" is masked, as graphql-armor does on HTTP. */
  hideSuggestions: boolean;
}

/** The same error with the standard code Apollo Server gives it on HTTP. */
function withCode(error: GraphQLError, code: string, message = error.message): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });
}

/**
 * Everything the gateway decides about a subscription before any subgraph hears of it: it
 * parses and validates against the API schema with the standard rules and the same limits as
 * HTTP, checks the variables, and finds the one subgraph that owns its root field.
 */
export function planSubscription(payload: SubscribePayload, options: PlanOptions): SubscriptionPlan | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
  } catch (error) {
    if (error instanceof GraphQLError) {
      const parseError = withCode(error, 'GRAPHQL_PARSE_FAILED');
      const formatted = parseError.toJSON();
      const limited = tooManyTokens(formatted);
      return [limited === formatted ? parseError : withCode(error, 'GRAPHQL_VALIDATION_FAILED', limited.message)];
    }
    throw error;
  }

  const invalid = validate(options.schema, document, [...specifiedRules, ...options.limits]);
  if (invalid.length > 0) {
    return invalid.map((error) =>
      withCode(
        error,
        'GRAPHQL_VALIDATION_FAILED',
        options.hideSuggestions ? error.message.replace(/Did you mean ".+"\?/g, '[Suggestion hidden]') : error.message,
      ),
    );
  }

  const operation = getOperationAST(document, payload.operationName);
  if (!operation) {
    const message = payload.operationName
      ? `Unknown operation named "${payload.operationName}".`
      : 'Must provide operation name if query contains multiple operations.';
    return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
  }
  if (operation.operation !== 'subscription') {
    return [
      new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations by HTTP', {
        nodes: operation,
        extensions: { code: 'BAD_REQUEST' },
      }),
    ];
  }

  // As on HTTP, variables are checked here too: a missing or malformed one is BAD_USER_INPUT.
  const variables = getVariableValues(options.schema, operation.variableDefinitions ?? [], payload.variables ?? {});
  if (variables.errors) return variables.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
  const tooCostly = costError(options.schema, document, operation, payload.variables ?? {}, options.maxCost);
  if (tooCostly) return [tooCostly];

  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  // Validation has made sure there is exactly one root field.
  const [field] = rootFields(operation.selectionSet, fragments);
  const subgraph = field && options.owners.get(field.name.value);
  if (!field || !subgraph) {
    // The supergraph gives every Subscription field an owner; getting here means it changed under us.
    return [new GraphQLError(`No subgraph owns Subscription.${field?.name.value ?? '?'}`)];
  }
  return {
    document,
    subgraph,
    responseKey: field.alias?.value ?? field.name.value,
    upstream: liveDocument(options.schema, document, payload.operationName),
  };
}
