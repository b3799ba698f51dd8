import { Field, ObjectType } from 'type-graphql';
import { User } from './user.js';

@ObjectType({ description: 'Returned by signUp, signIn and refreshSession. The gateway also sets the cookies.' })
export class Session {
  @Field(() => User)
  user!: User;

  @Field(() => String)
  accessToken!: string;

  @Field(() => Date)
  accessTokenExpiresAt!: Date;

  @Field(() => String)
  refreshToken!: string;
}
