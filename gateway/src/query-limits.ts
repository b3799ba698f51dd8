import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { GatewayConfig } from './config.js';
import { perDocumentCache } from './per-document-cache.js';
import { queryCost } from './query-cost.js';

/** More tokens than any real query of ours needs; graphql-js stops parsing past it. */
export const MAX_QUERY_TOKENS = 3000;

const refused = (message: string, nodes?: readonly ASTNode[]) =>
  new GraphQLError(message, { nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/** How many levels of fields with selections an operation nests; `__schema` is Sandbox's, left out. */
function operationDepth(operation: OperationDefinitionNode, context: ValidationContext): number {
  const fragmentDepths = new Map<string, number>();
  const depthOf = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet && selection.name.value !== '__schema') {
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        const name = selection.name.value;
        if (!fragmentDepths.has(name)) {
          // Set first: a fragment cycle (refused by the standard rules) must not recurse forever.
          fragmentDepths.set(name, 0);
          const fragment = context.getFragment(name);
          fragmentDepths.set(name, fragment ? depthOf(fragment.selectionSet) : 0);
        }
        deepest = Math.max(deepest, fragmentDepths.get(name)!);
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}

export function maxDepthRule(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = operationDepth(operation, context);
      if (depth > limit) context.reportError(refused(`Query is too deep: ${depth}, limit ${limit}`, [operation]));
    },
  });
}

/** Every alias written in the document counts once, wherever it stands. */
export function maxAliasesRule(limit: number): ValidationRule {
  return (context) => ({
    Document(document) {
      let aliases = 0;
      visit(document, { Field: (field) => void (field.alias && aliases++) });
      if (aliases > limit) context.reportError(refused(`Query has too many aliases: ${aliases}, limit ${limit}`));
    },
  });
}

/** The cost check, which needs the request's variables (a `first: $n` counts as what $n is). */
export function costError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limit: number,
): GraphQLError | undefined {
  const cost = queryCost(schema, document, operation, variables);
  return cost > limit ? refused(`Query is too costly: ${cost}, limit ${limit}`, [operation]) : undefined;
}

/**
 * The cost check per request, remembered per document, operation name and variables (the
 * schema is the one static supergraph's): the walk was 2% of the gateway's CPU per request.
 */
function costPlugin(limit: number): ApolloServerPlugin {
  const costs = perDocumentCache<number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const key = `${request.operationName ?? ''} ${request.variables ? JSON.stringify(request.variables) : ''}`;
          const cost = costs(document, key, () => queryCost(schema, document, operation, request.variables));
          if (cost > limit) throw refused(`Query is too costly: ${cost}, limit ${limit}`, [operation]);
        },
      };
    },
  };
}

/**
 * graphql-js stops at MAX_QUERY_TOKENS with a syntax error; the contract calls that a limit,
 * refused like the others.
 */
export function tooManyTokens(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  if (!/Document contains more th\w+ \d+ tokens/.test(formatted.message)) return formatted;
  return {
    message: `Query has too many tokens: more than ${MAX_QUERY_TOKENS}, limit ${MAX_QUERY_TOKENS}`,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  };
}

export interface QueryLimits {
  /** Depth, aliases, directives; and in production, no "Did you mean …". */
  validationRules: ValidationRule[];
  /** armor's, and the cost check: variables are known only once the operation is resolved. */
  plugins: ApolloServerPlugin[];
  maxCost: number;
}

/**
 * Depth, alias, directive, token and cost limits: a query that breaks one is refused with
 * GRAPHQL_VALIDATION_FAILED and the limit in its message before any subgraph is called.
 */
export function queryLimits(config: GatewayConfig): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { n: 50 },
    // Apollo's own parser counts tokens (parseOptions); armor's copy would turn a syntax error into a 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  }).protect();
  return {
    validationRules: [
      maxDepthRule(config.MAX_QUERY_DEPTH),
      maxAliasesRule(config.MAX_ALIASES),
      ...armor.validationRules,
    ],
    maxCost: config.MAX_QUERY_COST,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugin objects are the same.
      ...(armor.plugins as unknown as ApolloServerPlugin[]),
      costPlugin(config.MAX_QUERY_COST),
    ],
  };
}
