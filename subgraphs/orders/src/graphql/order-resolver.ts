import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UnauthenticatedError } from '@stuffmart/common';
import { findOrdersOfBuyer } from '../data-access/orders.js';
import type { OrderRow } from '../data-access/orders-database.js';
import { buyStuff } from '../domain/buy-stuff.js';
import { cancelOrder } from '../domain/cancel-order.js';
import type { OrdersContext } from './orders-context.js';
import { Order } from './order.js';
import { Stuff } from './stuff.js';
import { User } from './user.js';

@Resolver(() => Order)
export class OrderResolver {
  @Mutation(() => Order, { description: 'The BUY button: reserves the stuff for the reservation window.' })
  buyStuff(@Arg('stuffId', () => ID) stuffId: string, @Ctx() ctx: OrdersContext): Promise<OrderRow> {
    return buyStuff(ctx.deps, ctx.user, stuffId);
  }

  @Mutation(() => Order)
  cancelOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OrderRow> {
    return cancelOrder(ctx.deps, ctx.user, id);
  }

  @Query(() => Order, { nullable: true, description: 'Only its buyer sees it; anyone else gets null.' })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: OrdersContext): Promise<OrderRow | null> {
    const order = await ctx.orders.load(id);
    return order && order.buyerId === ctx.user?.userId ? order : null;
  }

  @Query(() => [Order], { description: 'Newest first.' })
  myOrders(@Ctx() ctx: OrdersContext): Promise<OrderRow[]> {
    if (!ctx.user) throw new UnauthenticatedError();
    return findOrdersOfBuyer(ctx.deps.db, ctx.user.userId);
  }

  @FieldResolver(() => Stuff)
  stuff(@Root() order: OrderRow): Stuff {
    return { id: order.stuffId };
  }

  @FieldResolver(() => User)
  buyer(@Root() order: OrderRow): User {
    return { id: order.buyerId };
  }
}
