import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Catalog owns the stuff; orders adds what only it knows: whether it can be bought. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Stuff {
  @Field(() => ID)
  id!: string;
}
