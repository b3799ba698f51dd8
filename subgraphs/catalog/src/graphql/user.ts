import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The auth subgraph owns users; catalog knows only their id and adds what each one sells. */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
