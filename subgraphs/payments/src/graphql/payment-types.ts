import { PageInfo } from '@stuffmart/common';
import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PaymentStatusEnum {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  PROCESSING = 'PROCESSING',
  REQUIRES_ACTION = 'REQUIRES_ACTION',
}

registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  valuesConfig: {
    PROCESSING: {
      description:
        "Charged, but the order's completion could not be confirmed in time (a fault): the order then ends COMPLETE, or CANCELLED with the charge given back; orderStatusChanged tells which",
    },
    REQUIRES_ACTION: {
      description:
        "The card's bank asks the buyer to confirm (3-D Secure): the client finishes it with Stripe.js and clientSecret; the order completes when Stripe reports success",
    },
  },
});

/** Payments only points at users (who made a coupon); auth resolves them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}

/** Orders owns the order; payments adds how it was paid. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Order {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class Payment {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'What was charged, after the coupon' })
  amountCents!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => PaymentStatusEnum)
  status!: PaymentStatusEnum;

  @Field(() => String, { nullable: true })
  couponCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The Stripe PaymentIntent id; null when nothing was charged' })
  providerRef!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The PaymentIntent's client secret; only to the buyer, only while REQUIRES_ACTION",
  })
  clientSecret?: string | null;

  @Field(() => Date)
  createdAt!: Date;

  orderId!: string;
}

@ObjectType()
export class Coupon {
  @Field(() => String, { description: 'Upper-case letters and digits, 6..32' })
  code!: string;

  @Field(() => Int, { description: '1..100; 100 makes an order free' })
  percentOff!: number;

  @Field(() => Int)
  maxRedemptions!: number;

  @Field(() => Int)
  redemptions!: number;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  createdBy!: string;
}

@ObjectType()
export class CouponEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Coupon)
  node!: Coupon;
}

@ObjectType({ description: 'A page of coupons, newest first (Relay-style cursors).' })
export class CouponConnection {
  @Field(() => [CouponEdge])
  edges!: CouponEdge[];

  @Field(() => [Coupon])
  nodes!: Coupon[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class CreateCouponInput {
  @Field(() => Int)
  percentOff!: number;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  maxRedemptions?: number | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Generated when absent' })
  code?: string | null;
}
