import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryCost } from '../src/query-cost.js';

const schema = buildSchema(`
  type Query {
    stuffs(first: Int = 20, after: String): StuffConnection!
    myOrders: [Order!]!
    node(id: ID!): Stuff
  }
  type Stuff { id: ID! title: String! seller: User! }
  type User { id: ID! stuffs: [Stuff!]! paged(first: Int = 20): StuffConnection! }
  type Order { id: ID! stuff: Stuff! }
  type StuffEdge { cursor: String! node: Stuff! }
  type PageInfo { hasNextPage: Boolean! }
  type StuffConnection { edges: [StuffEdge!]! nodes: [Stuff!]! pageInfo: PageInfo! }
`);

function cost(query: string, variables?: Record<string, unknown>): number {
  const document = parse(query);
  return queryCost(schema, document, getOperationAST(document)!, variables);
}

describe('the cost of a query', () => {
  it('counts a connection by its first, once: nodes and edges are that page', () => {
    // stuffs 1 + 50 × (nodes 1 + id 1 + title 1)
    expect(cost('{ stuffs(first: 50) { nodes { id title } } }')).toBe(1 + 50 * 3);
    // edges 1 + node (1 + id 1), pageInfo 1 + 1
    expect(cost('{ stuffs(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }')).toBe(1 + 10 * (3 + 2));
  });

  it('reads first from a variable, from the variable default, and takes the argument default when absent', () => {
    const query = 'query ($n: Int) { stuffs(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 100 })).toBe(1 + 100 * 2);
    expect(cost('query ($n: Int = 7) { stuffs(first: $n) { nodes { id } } }')).toBe(1 + 7 * 2);
    expect(cost('{ stuffs { nodes { id } } }')).toBe(1 + 20 * 2);
  });

  it('counts a first past 100 as the largest page, which the subgraph then refuses with BAD_USER_INPUT', () => {
    expect(cost('{ stuffs(first: 100000) { nodes { id } } }')).toBe(1 + 100 * 2);
    expect(cost('query ($n: Int) { stuffs(first: $n) { nodes { id } } }', { n: 101 })).toBe(1 + 100 * 2);
  });

  it('never lets a bad first make a query cheaper', () => {
    expect(cost('{ stuffs(first: -1000) { nodes { id } } }')).toBe(1 + 1 * 2);
    expect(cost('query ($n: Int) { stuffs(first: $n) { nodes { id } } }', { n: 'many' })).toBe(1 + 20 * 2);
  });

  it('multiplies a list without first by 20, nested lists by each other', () => {
    expect(cost('{ myOrders { id } }')).toBe(1 + 20);
    // The attack of the security issue: each seller's stuffs, each of their seller's stuffs…
    const attack = 'query ($n: Int) { stuffs(first: $n) { nodes { seller { stuffs { seller { stuffs { id } } } } } } }';
    expect(cost(attack, { n: 100 })).toBe(1 + 100 * (1 + (1 + (1 + 20 * (1 + (1 + 20 * 1))))));
    // The same through a paged field: its first multiplies, its nodes do not again.
    expect(cost('{ node(id: "1") { seller { paged(first: 100) { nodes { id } } } } }')).toBe(1 + 1 + 1 + 100 * 2);
  });

  it('counts fragments where they are spread, and leaves __schema out', () => {
    const query = `query ($n: Int) { a: stuffs(first: $n) { ...Page } b: stuffs(first: 2) { ...Page } }
      fragment Page on StuffConnection { nodes { ...Fields } }
      fragment Fields on Stuff { id title }`;
    expect(cost(query, { n: 5 })).toBe(1 + 5 * 3 + (1 + 2 * 3));
    expect(cost('{ __schema { types { fields { name } } } }')).toBe(0);
  });
});
