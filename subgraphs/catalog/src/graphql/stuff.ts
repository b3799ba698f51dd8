import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CategoryEnum } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType()
export class Stuff {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '1..200 characters, trimmed' })
  title!: string;

  @Field(() => String, { description: '0..5000 characters' })
  description!: string;

  @Field(() => Int, { description: '1..100000000, in minor units of currency' })
  priceCents!: number;

  @Field(() => String, { description: 'ISO-4217, lower-case, e.g. "usd"' })
  currency!: string;

  @Field(() => CategoryEnum)
  category!: CategoryEnum;

  @Field(() => Int, { description: 'Starts at 0, +1 on every change' })
  version!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  // Never a @Field: `seller` is resolved from it as a reference to the auth subgraph's User.
  sellerId!: string;
}
