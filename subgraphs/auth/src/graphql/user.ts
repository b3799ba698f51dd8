import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from './role.js';

@Directive('@key(fields: "id")')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;

  @Field(() => Date)
  createdAt!: Date;

  // Never a @Field: the hash stays inside this subgraph.
  passwordHash!: string;
}
