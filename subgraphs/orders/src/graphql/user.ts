import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Orders only points at users (the buyer); the auth subgraph resolves them. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
