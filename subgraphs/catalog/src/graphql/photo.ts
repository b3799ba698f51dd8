import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: "A photo of a stuff, served by the gateway's host as WebP with metadata (EXIF, GPS) removed.",
})
export class Photo {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'At most 1600 px on the long side' })
  url!: string;

  @Field(() => String, { description: '400 px' })
  thumbnailUrl!: string;

  @Field(() => Int)
  width!: number;

  @Field(() => Int)
  height!: number;
}

@ObjectType({
  description: 'Where to PUT the bytes of one photo (the request body is the file, Content-Type as announced).',
})
export class PhotoUpload {
  @Field(() => ID)
  photoId!: string;

  @Field(() => String, {
    description: 'Absolute; single use; refuses another content type or more bytes than announced',
  })
  uploadUrl!: string;

  @Field(() => Date, { description: '15 minutes' })
  expiresAt!: Date;
}

// An argument class keeps the contract's order (type-graphql prints separate @Args reversed).
@ArgsType()
export class PhotoUploadArgs {
  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  byteSize!: number;
}
