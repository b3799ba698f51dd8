import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveAvailability } from '../../../components/live-availability';
import { PersonName } from '../../../components/person-name';
import { PhotoGallery } from '../../../components/photo-gallery';
import { ProblemNotice } from '../../../components/problem-notice';
import { VisitorTime } from '../../../components/visitor-time';
import { categoryLabel } from '../../../lib/categories';
import { excerpt } from '../../../lib/excerpt';
import { findHeldOrder } from '../../../lib/find-held-order';
import { STUFF } from '../../../lib/graphql/queries';
import { loadPageData, type PageData } from '../../../lib/load-page-data';
import { formatPrice } from '../../../lib/money';
import { getViewer } from '../../../lib/viewer';
import { visitorTimeZone } from '../../../lib/visitor-time-zone';

interface StuffPageProps {
  params: Promise<{ id: string }>;
}

/** An id the catalog cannot even read is as unknown as one it does not have. */
function isMissing(page: PageData<unknown>): boolean {
  return page.problem?.code === 'NOT_FOUND' || page.problem?.code === 'BAD_USER_INPUT';
}

export async function generateMetadata({ params }: StuffPageProps): Promise<Metadata> {
  const { id } = await params;
  const page = await loadPageData(STUFF, { id });
  const stuff = page.data?.stuff;
  if (!stuff) return { title: isMissing(page) || page.data ? 'Stuff not found' : 'Stuff' };
  const price = formatPrice(stuff.priceCents, stuff.currency);
  const description = stuff.description
    ? excerpt(`${price}. ${stuff.description}`, 160)
    : `${stuff.title} for ${price}.`;
  const cover = stuff.photos[0];
  // A link preview (chat apps, social sites) shows the cover photo, the title and the price.
  return {
    title: `${stuff.title}, ${price}`,
    description,
    openGraph: {
      type: 'website',
      siteName: 'Stuffmart',
      title: `${stuff.title}, ${price}`,
      description,
      url: `/stuff/${stuff.id}`,
      images: cover ? [{ url: cover.url, width: cover.width, height: cover.height, alt: stuff.title }] : [],
    },
    twitter: { card: cover ? 'summary_large_image' : 'summary' },
  };
}

/** One stuff, rendered on the server; its availability then stays live in the browser. */
export default async function StuffPage({ params }: StuffPageProps) {
  const { id } = await params;
  const [page, viewer, timeZone] = await Promise.all([
    loadPageData(STUFF, { id }),
    getViewer().catch(() => null),
    visitorTimeZone(),
  ]);
  if (isMissing(page)) notFound();
  if (page.problem) {
    return (
      <>
        <h1>Stuff</h1>
        <ProblemNotice title="This stuff could not be loaded" problem={page.problem} />
      </>
    );
  }
  const stuff = page.data.stuff;
  if (!stuff) notFound();

  const isSeller = viewer?.id === stuff.seller.id;
  const heldOrderId = viewer && !isSeller && stuff.availability === 'RESERVED' ? await findHeldOrder(stuff.id) : null;
  return (
    <article className="stuff-detail">
      <h1>{stuff.title}</h1>
      {/* On a wide screen the photos sit beside the price and BUY, not above them. */}
      <div className={stuff.photos.length > 0 ? 'stuff-layout' : undefined}>
        <PhotoGallery photos={stuff.photos} title={stuff.title} />
        <div className="stuff-info">
          <p className="price price-large">{formatPrice(stuff.priceCents, stuff.currency)}</p>
          <p className="category">
            Category: <Link href={`/?category=${stuff.category}`}>{categoryLabel(stuff.category)}</Link>
          </p>
          <LiveAvailability
            stuffId={stuff.id}
            initial={{ availability: stuff.availability, reservedUntil: stuff.reservedUntil }}
            viewer={viewer ? (isSeller ? 'seller' : 'buyer') : 'anonymous'}
            heldOrderId={heldOrderId}
            timeZone={timeZone}
            renderedAt={Date.now()}
          />
          <section aria-labelledby="description-title">
            <h2 id="description-title">Description</h2>
            <p className="description">{stuff.description || 'The seller did not describe it.'}</p>
          </section>
          <p className="muted">
            Sold by <PersonName person={stuff.seller} /> · listed <VisitorTime iso={stuff.createdAt} />
          </p>
          {isSeller ? (
            <p>
              <Link href={`/stuff/${stuff.id}/edit`}>Edit this stuff</Link>
            </p>
          ) : null}
        </div>
      </div>
    </article>
  );
}
