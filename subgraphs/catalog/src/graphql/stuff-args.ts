import { DEFAULT_PAGE_SIZE } from '@stuffmart/common';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { StuffFilter } from './stuff-filter.js';
import { UpdateStuffInput } from './stuff-inputs.js';

// Argument classes rather than one @Arg per parameter: type-graphql would print the arguments
// in reverse, and the contract lists them in this order.

@ArgsType()
export class UpdateStuffArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateStuffInput)
  input!: UpdateStuffInput;
}

/** `stuffs(first: Int = 20, after: String, filter: StuffFilter)`, in the contract's order. */
@ArgsType()
export class StuffsArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => StuffFilter, { nullable: true })
  filter?: StuffFilter | null;
}
