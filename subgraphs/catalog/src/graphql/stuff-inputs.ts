import { Field, ID, InputType, Int } from 'type-graphql';
import { CategoryEnum } from './enums.js';

@InputType()
export class CreateStuffInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, defaultValue: '' })
  description?: string | null;

  @Field(() => Int)
  priceCents!: number;

  @Field(() => String, { nullable: true, defaultValue: 'usd' })
  currency?: string | null;

  @Field(() => CategoryEnum, { nullable: true, defaultValue: CategoryEnum.OTHER })
  category?: CategoryEnum | null;
  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: 'From createPhotoUpload, uploaded by this seller; at most 6',
  })
  photoIds?: string[] | null;
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateStuffInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  priceCents?: number | null;

  @Field(() => CategoryEnum, { nullable: true })
  category?: CategoryEnum | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the list (order kept)' })
  photoIds?: string[] | null;
}
