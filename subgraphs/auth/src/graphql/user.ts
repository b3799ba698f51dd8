import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from './role.js';

/** Resolved from a users row; `email` and `emailVerified` by UserResolver (email is private). */
@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Public; 1..50 characters' })
  displayName!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;

  @Field(() => Date)
  createdAt!: Date;

  // Never a @Field: the hash stays inside this subgraph.
  passwordHash!: string;
}
