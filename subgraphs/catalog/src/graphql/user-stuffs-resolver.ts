import { PageArgs, toConnection } from '@stuffmart/common';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { parseStuffPage, stuffPosition, type StuffPage } from '../domain/list-stuffs.js';
import type { CatalogContext } from './catalog-context.js';
import { StuffConnection } from './stuff-connection.js';
import { User } from './user.js';

@Resolver(() => User)
export class UserStuffsResolver {
  @FieldResolver(() => StuffConnection, { description: 'What this user sells, newest first; first is 1..100.' })
  async stuffs(
    @Root() user: User,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: CatalogContext,
  ): Promise<StuffPage> {
    const page = parseStuffPage(first, after);
    const rows = await ctx.stuffPagesBySeller.load({ sellerId: user.id, page });
    return toConnection(rows, page, stuffPosition);
  }
}
