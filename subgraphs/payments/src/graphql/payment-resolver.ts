import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { parsePayOrderInput } from '../domain/parse-pay-order-input.js';
import { payOrder } from '../domain/pay-order.js';
import type { PaymentAnswer } from '../domain/payment-answer.js';
import { Order, Payment } from './payment-types.js';
import type { PaymentsContext } from './payments-context.js';

@Resolver(() => Payment)
export class PaymentResolver {
  @Mutation(() => Payment, { description: 'Buyer only: charges priceCents less the coupon.' })
  payOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('paymentMethodId', () => String, { nullable: true }) paymentMethodId: string | null,
    @Arg('couponCode', () => String, { nullable: true }) couponCode: string | null,
    @Ctx() ctx: PaymentsContext,
  ): Promise<PaymentAnswer> {
    return payOrder(ctx.deps, ctx.user, parsePayOrderInput({ orderId, paymentMethodId, couponCode }));
  }

  @FieldResolver(() => Order)
  order(@Root() payment: PaymentAnswer): Order {
    return { id: payment.orderId };
  }
}

@Resolver(() => Order)
export class OrderPaymentResolver {
  @FieldResolver(() => Payment, { nullable: true, description: 'Null until paid' })
  payment(@Root() order: Order, @Ctx() ctx: PaymentsContext): Promise<PaymentAnswer | null> {
    return ctx.paymentsByOrder.load(order.id);
  }
}
