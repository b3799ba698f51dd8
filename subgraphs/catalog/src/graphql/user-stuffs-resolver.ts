import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { StuffRow } from '../data-access/catalog-database.js';
import type { CatalogContext } from './catalog-context.js';
import { Stuff } from './stuff.js';
import { User } from './user.js';

@Resolver(() => User)
export class UserStuffsResolver {
  @FieldResolver(() => [Stuff], { description: 'What this user sells, newest first.' })
  async stuffs(@Root() user: User, @Ctx() ctx: CatalogContext): Promise<StuffRow[]> {
    return ctx.stuffsBySeller.load(user.id);
  }
}
