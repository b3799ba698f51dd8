import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { UserRow } from '../data-access/auth-database.js';
import type { AuthContext } from './auth-context.js';
import { User } from './user.js';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'Null when not signed in (never an error).' })
  async me(@Ctx() ctx: AuthContext): Promise<UserRow | null> {
    return ctx.user ? ctx.users.load(ctx.user.userId) : null;
  }

  @Query(() => User, { nullable: true })
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthContext): Promise<UserRow | null> {
    return ctx.users.load(id);
  }
}
