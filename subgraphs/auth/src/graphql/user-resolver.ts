import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { UserRow } from '../data-access/auth-database.js';
import { viewerOf, type AuthContext } from './auth-context.js';
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

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Private: the user themself and ADMINs see it, everyone else gets null (no error)',
  })
  email(@Root() user: UserRow, @Ctx() ctx: AuthContext): string | null {
    const viewer = viewerOf(ctx);
    return viewer && (viewer.userId === user.id || viewer.role === 'ADMIN') ? user.email : null;
  }

  @FieldResolver(() => Boolean, { description: 'Public: a "verified student" badge' })
  emailVerified(@Root() user: UserRow): boolean {
    return user.emailVerifiedAt !== null;
  }
}
