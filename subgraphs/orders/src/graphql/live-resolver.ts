import { ForbiddenError, NotFoundError, STUFF_RESERVED_MESSAGE, UnauthenticatedError } from '@stuffmart/common';
import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { findActiveOrders, findOrder } from '../data-access/orders.js';
import { awaitStuffCopy } from '../domain/await-stuff-copy.js';
import { orderTopic, stuffTopic, type OrderLivePayload, type StuffLivePayload } from '../events/live-topics.js';
import { toOrderPayload, toStuffPayload } from '../events/publish-live-updates.js';
import { prepend } from '../live/prepend.js';
import { AvailabilityEnum, OrderStatusEnum } from './enums.js';
import { OrderStatusUpdate, StuffAvailability } from './live-types.js';
import type { OrdersContext } from './orders-context.js';

/**
 * A stuff nobody listed ends the watch with NOT_FOUND: answering AVAILABLE would tell the
 * client something untrue. Orders knows a stuff by catalog's news, so a watch of a stuff
 * listed a moment ago waits for that news as a BUY does (SERVICE_UNAVAILABLE when it cannot
 * be had in time); an unknown id costs one read and a look at the stream, not a poll.
 * Then listen first, then read: a change between the two arrives as the second event.
 */
async function watchStuff({
  args,
  context,
}: SubscribeResolverData<unknown, { [key: string]: unknown }, OrdersContext>) {
  const stuffId = String(args.stuffId);
  await awaitStuffCopy(context.deps, stuffId);
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
