import { ForbiddenError, isUuid, NotFoundError, STUFF_RESERVED_MESSAGE, UnauthenticatedError } from '@stuffmart/common';
import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { findActiveOrders, findOrder } from '../data-access/orders.js';
import { orderTopic, stuffTopic, type OrderLivePayload, type StuffLivePayload } from '../events/live-topics.js';
import { toOrderPayload, toStuffPayload } from '../events/publish-live-updates.js';
import { prepend } from '../live/prepend.js';
import { AvailabilityEnum, OrderStatusEnum } from './enums.js';
import { OrderStatusUpdate, StuffAvailability } from './live-types.js';
import type { OrdersContext } from './orders-context.js';

/**
 * Listen first, then read: a change between the two arrives as the second event, not lost.
 * A stuff's availability here is its active order, if any, and needs no copy of the stuff:
 * one whose news from catalog has not arrived yet cannot have an order, so it is AVAILABLE.
 * So the answer comes at once, without waiting for that news (a watcher of an id nobody
 * listed learns nothing from it, and costs one query, not a poll of the database).
 */
async function watchStuff({
  args,
  context,
}: SubscribeResolverData<unknown, { [key: string]: unknown }, OrdersContext>) {
  const stuffId = String(args.stuffId);
  if (!isUuid(stuffId)) throw new NotFoundError('Stuff');
  const updates = await context.deps.live.subscribe<StuffLivePayload>(stuffTopic(stuffId));
  const [active] = await findActiveOrders(context.deps.db, [stuffId]);
  return prepend(toStuffPayload(stuffId, active), updates);
}

async function watchOrder({
  args,
  context,
}: SubscribeResolverData<unknown, { [key: string]: unknown }, OrdersContext>) {
  if (!context.user) throw new UnauthenticatedError();
  const orderId = String(args.orderId);
  const order = await findOrder(context.deps.db, orderId);
  if (!order) throw new NotFoundError('Order');
  if (order.buyerId !== context.user.userId) throw new ForbiddenError();
  const updates = await context.deps.live.subscribe<OrderLivePayload>(orderTopic(orderId));
  const current = (await findOrder(context.deps.db, orderId)) ?? order;
  return prepend(toOrderPayload(current), updates);
}

@Resolver()
export class LiveResolver {
  @Subscription(() => StuffAvailability, { subscribe: watchStuff, description: 'Anyone may watch a stuff.' })
  stuffAvailabilityChanged(
    @Arg('stuffId', () => ID) _stuffId: string,
    @Root() state: StuffLivePayload,
    @Ctx() ctx: OrdersContext,
  ): StuffAvailability {
    const heldByViewer = state.holderId !== null && state.holderId === ctx.user?.userId;
    return {
      stuffId: state.stuffId,
      stuff: { id: state.stuffId },
      availability: AvailabilityEnum[state.availability],
      reservedUntil: state.reservedUntil ? new Date(state.reservedUntil) : null,
      message: state.availability === 'RESERVED' && !heldByViewer ? STUFF_RESERVED_MESSAGE : null,
    };
  }

  @Subscription(() => OrderStatusUpdate, { subscribe: watchOrder, description: 'Only the buyer may watch an order.' })
  orderStatusChanged(@Arg('orderId', () => ID) _orderId: string, @Root() update: OrderLivePayload): OrderStatusUpdate {
    const status = OrderStatusEnum[update.status];
    const expiresAt = new Date(update.expiresAt);
    return {
      orderId: update.orderId,
      order: {
        id: update.orderId,
        status,
        priceCents: update.priceCents,
        currency: update.currency,
        expiresAt,
        createdAt: new Date(update.createdAt),
        stuffId: update.stuffId,
        buyerId: update.buyerId,
      },
      status,
      expiresAt,
    };
  }
}
