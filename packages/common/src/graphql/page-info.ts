import { Directive, Field, ObjectType } from 'type-graphql';
import type { PageInfoShape } from './pagination.js';

/** Every connection of every subgraph shares this one type, so it is @shareable. */
@Directive('@shareable')
@ObjectType({ description: 'Where a page sits in its list (Relay-style cursors).' })
export class PageInfo implements PageInfoShape {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
