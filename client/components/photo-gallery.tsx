import type { PhotoFieldsFragment as Photo } from '../lib/graphql/generated/graphql';

const THUMBNAIL_PX = 400;

/** A thumbnail's size, as catalog scales it: 400 px on the long side, never enlarged. */
function thumbnailSize({ width, height }: Photo): { width: number; height: number } {
  const scale = Math.min(1, THUMBNAIL_PX / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * The cover at full size, the others as thumbnails linking to theirs. Every image states its
 * width and height, so the page does not shift as they arrive; only the cover, at the top, loads
 * at once; the rest wait until they near the viewport.
 */
export function PhotoGallery({ photos, title }: { photos: Photo[]; title: string }) {
  if (photos.length === 0) return null;
  const [cover, ...rest] = photos;
  return (
    <section className="photo-gallery" aria-label="Photos">
      <a href={cover!.url} className="photo-cover">
        <img
          src={cover!.url}
          width={cover!.width}
          height={cover!.height}
          alt={`${title}, photo 1 of ${photos.length}`}
          fetchPriority="high"
        />
      </a>
      {rest.length > 0 ? (
        <ul className="photo-thumbnails">
          {rest.map((photo, index) => (
            <li key={photo.id}>
              <a href={photo.url}>
                <img
                  src={photo.thumbnailUrl}
                  {...thumbnailSize(photo)}
                  alt={`${title}, photo ${index + 2} of ${photos.length}`}
                  loading="lazy"
                  decoding="async"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
