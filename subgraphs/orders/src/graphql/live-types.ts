import { Field, ID, ObjectType } from 'type-graphql';
import { AvailabilityEnum, OrderStatusEnum } from './enums.js';
import { Order } from './order.js';
import { Stuff } from './stuff.js';

@ObjectType({ description: 'Pushed on every availability change of one stuff; the first event is its current state.' })
export class StuffAvailability {
  @Field(() => ID)
  stuffId!: string;

  // Only its key here: the gateway resolves the rest of `stuff { … }` for each event (any subgraph's fields).
  @Field(() => Stuff, { description: 'Any field of Stuff, resolved across subgraphs for every event' })
  stuff!: Stuff;

  @Field(() => AvailabilityEnum)
  availability!: AvailabilityEnum;

  @Field(() => Date, { nullable: true })
  reservedUntil!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "For RESERVED, to everyone but the buyer who holds it: 'The stuff is being checked out by someone else, please come back later'",
  })
  message!: string | null;
}

@ObjectType()
export class OrderStatusUpdate {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Order, { description: 'Any field of Order, resolved across subgraphs for every event' })
  order!: Order;

  @Field(() => OrderStatusEnum)
  status!: OrderStatusEnum;

  @Field(() => Date)
  expiresAt!: Date;
}
