import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { subscriptionOwners } from '../src/subscription-owners.js';

const TWO_GRAPHS = `
schema { query: Query subscription: Feed }
enum join__Graph {
  ORDERS @join__graph(name: "orders", url: "http://orders/graphql")
  PAYMENTS @join__graph(name: "payments", url: "http://payments/graphql")
}
type Query @join__type(graph: ORDERS) { ok: Boolean }
type Feed @join__type(graph: ORDERS) @join__type(graph: PAYMENTS) {
  orderStatusChanged(orderId: ID!): String @join__field(graph: ORDERS)
  paymentSettled(orderId: ID!): String @join__field(graph: PAYMENTS)
}
`;

describe('which subgraph owns a subscription field', () => {
  it('reads the composed supergraph: both of ours belong to orders', async () => {
    const sdl = await readFile(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');
    expect(Object.fromEntries(subscriptionOwners(sdl))).toEqual({
      stuffAvailabilityChanged: 'orders',
      orderStatusChanged: 'orders',
    });
  });

  it('follows @join__field when the root type spans subgraphs, whatever it is named', () => {
    expect(Object.fromEntries(subscriptionOwners(TWO_GRAPHS))).toEqual({
      orderStatusChanged: 'orders',
      paymentSettled: 'payments',
    });
  });
});
