import { Field, InputType, Int } from 'type-graphql';
import { AvailabilityEnum, CategoryEnum } from './enums.js';

@InputType({ description: 'Filters for Query.stuffs; all given conditions must hold.' })
export class StuffFilter {
  @Field(() => String, { nullable: true })
  query?: string | null;

  @Field(() => [AvailabilityEnum], { nullable: true })
  availability?: AvailabilityEnum[] | null;

  @Field(() => Int, { nullable: true })
  minPriceCents?: number | null;

  @Field(() => Int, { nullable: true })
  maxPriceCents?: number | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => CategoryEnum, { nullable: true })
  category?: CategoryEnum | null;
}
