import type { StuffCardFieldsFragment } from '../lib/graphql/generated/graphql';

type CardPhoto = StuffCardFieldsFragment['photos'][number];

/**
 * The first photo, cropped into the card's fixed frame: the frame keeps its size while the photo
 * loads, so nothing below it jumps. Cards further down the page load their photo only when it is
 * about to be seen.
 */
export function StuffCardCover({ photo, eager }: { photo: CardPhoto | undefined; eager: boolean }) {
  if (!photo) {
    return (
      <div className="stuff-card-cover stuff-card-cover-empty">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="40" height="40" focusable="false">
          <path
            fill="currentColor"
            d="M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm1 2v8.6l3.3-3.3a1 1 0 0 1 1.4 0l2.3 2.3 4.3-4.3a1 1 0 0 1 1.4 0L19 11.6V7H5Zm4 3.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0Z"
          />
        </svg>
        <span>No photo yet</span>
      </div>
    );
  }
  return (
    <div className="stuff-card-cover">
      {/* The title beside it says what the photo shows. */}
      <img
        src={photo.thumbnailUrl}
        alt=""
        width={photo.width}
        height={photo.height}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
      />
    </div>
  );
}
