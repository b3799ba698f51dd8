import { Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PhotoRow, StuffRow } from '../data-access/catalog-database.js';
import { createPhotoUpload, type PhotoUploadOffer } from '../domain/create-photo-upload.js';
import { PHOTO_FILE_PATH } from '../http/photo-routes.js';
import type { CatalogContext } from './catalog-context.js';
import { Photo, PhotoUpload, PhotoUploadArgs } from './photo.js';
import { publicUrlOf } from './public-url.js';
import { Stuff } from './stuff.js';

function fileUrl(publicUrl: string, id: string, size: 'full' | 'thumbnail'): string {
  const url = new URL(PHOTO_FILE_PATH, publicUrl);
  url.searchParams.set('id', id);
  url.searchParams.set('size', size);
  return url.toString();
}

export function toPhoto(row: PhotoRow, publicUrl: string): Photo {
  return {
    id: row.id,
    url: fileUrl(publicUrl, row.id, 'full'),
    thumbnailUrl: fileUrl(publicUrl, row.id, 'thumbnail'),
    width: row.width!,
    height: row.height!,
  };
}

@Resolver(() => Stuff)
export class PhotoResolver {
  @Mutation(() => PhotoUpload, { description: 'Signed in; image/jpeg, image/png or image/webp; at most 10 MB.' })
  createPhotoUpload(
    @Args(() => PhotoUploadArgs) { contentType, byteSize }: PhotoUploadArgs,
    @Ctx() ctx: CatalogContext,
  ): PhotoUploadOffer {
    return createPhotoUpload(ctx.deps.photos, ctx.user, publicUrlOf(ctx), contentType, byteSize);
  }

  @FieldResolver(() => [Photo], { description: "In the seller's order; the first is the cover; at most 6" })
  async photos(@Root() stuff: StuffRow, @Ctx() ctx: CatalogContext): Promise<Photo[]> {
    const rows = await ctx.photosOfStuff.load(stuff.id);
    const publicUrl = publicUrlOf(ctx);
    return rows.map((row) => toPhoto(row, publicUrl));
  }
}
