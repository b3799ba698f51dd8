import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { listCoupons } from '../data-access/coupons.js';
import type { CouponRow } from '../data-access/payments-database.js';
import { assertAdmin, createCoupon } from '../domain/create-coupon.js';
import { Coupon, CreateCouponInput, User } from './payment-types.js';
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

  @Query(() => [Coupon], { description: 'ADMIN only' })
  coupons(@Ctx() ctx: PaymentsContext): Promise<CouponRow[]> {
    assertAdmin(ctx.user);
    return listCoupons(ctx.deps.db);
  }

  @FieldResolver(() => User)
  createdBy(@Root() coupon: CouponRow): User {
    return { id: coupon.createdBy };
  }
}
