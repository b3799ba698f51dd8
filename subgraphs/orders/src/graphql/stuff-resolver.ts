import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { stuffState } from '../domain/availability.js';
import { AvailabilityEnum } from './enums.js';
import type { OrdersContext } from './orders-context.js';
import { Stuff } from './stuff.js';

@Resolver(() => Stuff)
export class StuffResolver {
  @FieldResolver(() => AvailabilityEnum)
  async availability(@Root() stuff: Stuff, @Ctx() ctx: OrdersContext): Promise<AvailabilityEnum> {
    const state = stuffState(stuff.id, await ctx.activeOrders.load(stuff.id));
    return AvailabilityEnum[state.availability];
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Set only while RESERVED' })
  async reservedUntil(@Root() stuff: Stuff, @Ctx() ctx: OrdersContext): Promise<Date | null> {
    return stuffState(stuff.id, await ctx.activeOrders.load(stuff.id)).reservedUntil;
  }
}
