import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GatewayConfig } from './config.js';

/**
 * Depth, alias, directive, token and cost limits, checked as validation rules: a query that
 * breaks one is refused before any subgraph is called.
 */
export function queryLimits(config: GatewayConfig) {
  return new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH, flattenFragments: true },
    maxAliases: { n: config.MAX_ALIASES },
    maxDirectives: { n: 50 },
    maxTokens: { n: 2000 },
    costLimit: { maxCost: config.MAX_QUERY_COST },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  }).protect();
}
