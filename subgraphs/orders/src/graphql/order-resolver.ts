import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '@stuffmart/common';
import type { OrderRow } from '../data-access/orders-database.js';
import { buyStuff } from '../domain/buy-stuff.js';
import { cancelOrder } from '../domain/cancel-order.js';
import { listMyOrders } from '../domain/list-my-orders.js';
import { OrderConnection } from './order-connection.js';
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

  @Query(() => OrderConnection, { description: 'Signed in; newest first; first is 1..100.' })
  myOrders(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: OrdersContext): Promise<Connection<OrderRow>> {
    return listMyOrders(ctx.deps, ctx.user, first, after);
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
