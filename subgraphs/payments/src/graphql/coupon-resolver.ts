import { PageArgs, type Connection } from '@stuffmart/common';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CouponRow } from '../data-access/payments-database.js';
import { createCoupon } from '../domain/create-coupon.js';
import { listCoupons } from '../domain/list-coupons.js';
import { Coupon, CouponConnection, CreateCouponInput, User } from './payment-types.js';
import type { PaymentsContext } from './payments-context.js';

@Resolver(() => Coupon)
export class CouponResolver {
  @Mutation(() => Coupon, { description: 'ADMIN only' })
  createCoupon(
    @Arg('input', () => CreateCouponInput) input: CreateCouponInput,
    @Ctx() ctx: PaymentsContext,
  ): Promise<CouponRow> {
    return createCoupon(ctx.deps, ctx.user, {
      ...input,
      maxRedemptions: input.maxRedemptions ?? 1,
      code: input.code ?? undefined,
    });
  }

  @Query(() => CouponConnection, { description: 'ADMIN only; newest first; first is 1..100' })
  coupons(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: PaymentsContext,
  ): Promise<Connection<CouponRow>> {
    return listCoupons(ctx.deps, ctx.user, first, after);
  }

  @FieldResolver(() => User)
  createdBy(@Root() coupon: CouponRow): User {
    return { id: coupon.createdBy };
  }
}
