import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from './config.js';

/** More tokens than any real query of ours needs; refused while parsing. */
export const MAX_QUERY_TOKENS = 3000;

/**
 * Depth, alias, directive, token and cost limits, checked as validation rules: a query that
 * breaks one is refused before any subgraph is called.
 */
export function queryLimits(config: GatewayConfig) {
  return new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH, flattenFragments: true },
    maxAliases: { n: config.MAX_ALIASES },
    maxDirectives: { n: 50 },
    // Apollo's own parser counts tokens (parseOptions below); armor's copy would turn a syntax
    // error into a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: config.MAX_QUERY_COST },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  }).protect();
}
