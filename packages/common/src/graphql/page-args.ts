import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

/**
 * `(first: Int = 20, after: String)` of every connection field. An argument class rather than
 * one @Arg per parameter: type-graphql would print the arguments in reverse.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
