import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogueResults } from '../components/catalogue-results';
import { CatalogueSearchForm } from '../components/catalogue-search-form';
import { StuffListSkeleton } from '../components/skeletons';
import { catalogueHref, readCatalogueSearch } from '../lib/catalogue-search';

export const metadata: Metadata = {
  title: { absolute: 'Stuffmart: notes, tickets, gear and digital goods from students' },
  description: 'Browse what students sell on Stuffmart: lecture notes, event tickets, gear and digital goods.',
  openGraph: {
    type: 'website',
    siteName: 'Stuffmart',
    title: 'Stuffmart: notes, tickets, gear and digital goods from students',
    description: 'Browse what students sell on Stuffmart: lecture notes, event tickets, gear and digital goods.',
    url: '/',
    images: [{ url: '/apple-icon.png', width: 180, height: 180, alt: 'Stuffmart' }],
  },
};

interface CataloguePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The catalogue, newest first, or what a search picks (best match first), rendered on the
 * server so that search engines see titles and prices and a search can be shared as its URL.
 * Only the results wait for the catalog: heading and search are there at once, and each new
 * search (a new key) shows outlines of cards until its results stream in, in the same response.
 */
export default async function CataloguePage({ searchParams }: CataloguePageProps) {
  const search = readCatalogueSearch(await searchParams);
  return (
    <>
      <h1>Catalogue</h1>
      <CatalogueSearchForm search={search} />
      <Suspense key={catalogueHref(search, {}, search)} fallback={<StuffListSkeleton />}>
        <CatalogueResults search={search} />
      </Suspense>
    </>
  );
}
