import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OrderStatusEnum } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType()
export class Order {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatusEnum)
  status!: OrderStatusEnum;

  @Field(() => Int, { description: 'The price when the order was made' })
  priceCents!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => Date, { description: 'createdAt + the reservation window' })
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  // stuff and buyer are entity references resolved in OrderResolver; these stay internal.
  stuffId!: string;
  buyerId!: string;
}
