import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { StuffRow } from '../data-access/catalog-database.js';
import { createStuff } from '../domain/create-stuff.js';
import { listStuffs, type StuffPage } from '../domain/list-stuffs.js';
import { updateStuff } from '../domain/update-stuff.js';
import type { CatalogContext } from './catalog-context.js';
import { Stuff } from './stuff.js';
import { StuffConnection } from './stuff-connection.js';
import { StuffsArgs, UpdateStuffArgs } from './stuff-args.js';
import { CreateStuffInput } from './stuff-inputs.js';
import { User } from './user.js';

@Resolver(() => Stuff)
export class StuffResolver {
  @Query(() => Stuff, { nullable: true, description: 'Null when unknown.' })
  async stuff(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<StuffRow | null> {
    return ctx.stuffs.load(id);
  }

  @Query(() => StuffConnection, {
    description: 'Newest first (best match first when filter.query is set); first is 1..100.',
  })
  async stuffs(
    @Args(() => StuffsArgs) { first, after, filter }: StuffsArgs,
    @Ctx() ctx: CatalogContext,
  ): Promise<StuffPage> {
    return listStuffs(ctx.deps, first ?? null, after ?? null, filter ?? null);
  }

  @Mutation(() => Stuff, { description: 'Signed in.' })
  async createStuff(
    @Arg('input', () => CreateStuffInput) input: CreateStuffInput,
    @Ctx() ctx: CatalogContext,
  ): Promise<StuffRow> {
    return createStuff(ctx.deps, ctx.user, input);
  }

  @Mutation(() => Stuff, { description: 'Seller only; refused while RESERVED or SOLD.' })
  async updateStuff(
    @Args(() => UpdateStuffArgs) { id, input }: UpdateStuffArgs,
    @Ctx() ctx: CatalogContext,
  ): Promise<StuffRow> {
    return updateStuff(ctx.deps, ctx.user, id, input);
  }

  /** A reference: the gateway asks the auth subgraph for the rest of the user. */
  @FieldResolver(() => User)
  seller(@Root() stuff: StuffRow): User {
    return { id: stuff.sellerId };
  }
}
