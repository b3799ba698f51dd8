import { buildFederatedSchema } from '@stuffmart/common';
import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { LiveResolver } from './live-resolver.js';
import { Order } from './order.js';
import { resolveOrderReference } from './order.reference.js';
import { OrderResolver } from './order-resolver.js';
import { Stuff } from './stuff.js';
import { StuffResolver } from './stuff-resolver.js';
import { User } from './user.js';

/**
 * type-graphql wants a pubSub for topic-based subscriptions; ours all bring their own
 * `subscribe` over Redis (LiveUpdates), so a topic-based one is a mistake we refuse loudly.
 */
const noTopicSubscriptions: PubSub = {
  publish: () => {
    throw new Error('orders publishes live updates through LiveUpdates, not type-graphql topics');
  },
  subscribe: () => {
    throw new Error('orders subscriptions bring their own subscribe function');
  },
};

export function buildOrdersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [OrderResolver, StuffResolver, LiveResolver],
      orphanedTypes: [Order, Stuff, User],
      pubSub: noTopicSubscriptions,
    },
    {
      Order: { __resolveReference: resolveOrderReference },
      Stuff: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
    },
  );
}
