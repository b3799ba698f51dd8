import { buildFederatedSchema } from '@stuffmart/common';
import type { GraphQLSchema } from 'graphql';
import { CouponResolver } from './coupon-resolver.js';
import { OrderPaymentResolver, PaymentResolver } from './payment-resolver.js';
import { Order, User } from './payment-types.js';

export function buildPaymentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [PaymentResolver, OrderPaymentResolver, CouponResolver], orphanedTypes: [Order, User] },
    { Order: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } },
  );
}
