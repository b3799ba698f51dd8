import { PageInfo } from '@stuffmart/common';
import { Field, ObjectType } from 'type-graphql';
import { Order } from './order.js';

@ObjectType()
export class OrderEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Order)
  node!: Order;
}

@ObjectType({ description: 'A page of orders, newest first (Relay-style cursors).' })
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges!: OrderEdge[];

  @Field(() => [Order])
  nodes!: Order[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
