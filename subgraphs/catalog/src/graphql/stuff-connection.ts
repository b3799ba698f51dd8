import { PageInfo } from '@stuffmart/common';
import { Field, ObjectType } from 'type-graphql';
import { Stuff } from './stuff.js';

@ObjectType()
export class StuffEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Stuff)
  node!: Stuff;
}

@ObjectType({ description: 'A page of stuffs, newest first (Relay-style cursors).' })
export class StuffConnection {
  @Field(() => [StuffEdge])
  edges!: StuffEdge[];

  @Field(() => [Stuff])
  nodes!: Stuff[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
