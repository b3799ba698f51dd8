import { ArgsType, Field, ID } from 'type-graphql';
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
