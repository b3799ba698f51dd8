import type { Metadata } from 'next';
import Link from 'next/link';
import { CatalogueSearchForm } from '../components/catalogue-search-form';
import { ProblemNotice } from '../components/problem-notice';
import { StuffList } from '../components/stuff-list';
import {
  isSearching,
  newerHref,
  olderHref,
  readCatalogueSearch,
  toStuffFilter,
  type CatalogueSearch,
} from '../lib/catalogue-search';
import { CATALOGUE, CATALOGUE_PAGE_SIZE } from '../lib/graphql/queries';
import { loadPageData } from '../lib/load-page-data';

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

/** Said when a page has nothing: nothing at all, nothing more, or nothing that matches. */
function emptyMessage(search: CatalogueSearch): string {
  if (search.after) return 'There is nothing more to show.';
  return isSearching(search) ? 'Nothing matches this search.' : 'Nothing is for sale yet.';
}

/**
 * The catalogue, newest first, or what a search picks (best match first), rendered on the
 * server so that search engines see titles and prices and a search can be shared as its URL.
 */
export default async function CataloguePage({ searchParams }: CataloguePageProps) {
  const search = readCatalogueSearch(await searchParams);
  const { data, problem } = await loadPageData(CATALOGUE, {
    first: CATALOGUE_PAGE_SIZE,
    after: search.after,
    filter: toStuffFilter(search),
  });
  const newer = newerHref(search);

  return (
    <>
      <h1>Catalogue</h1>
      <CatalogueSearchForm search={search} />
      {problem ? (
        <ProblemNotice title="The catalogue could not be loaded" problem={problem} />
      ) : data.stuffs.nodes.length === 0 ? (
        <section className="empty">
          <p>{emptyMessage(search)}</p>
          <p>
            <Link href="/sell">Sell something</Link>
            {search.after || isSearching(search) ? (
              <>
                {' or '}
                <Link href="/">go back to the newest stuff</Link>
              </>
            ) : null}
          </p>
        </section>
      ) : (
        <>
          <StuffList stuffs={data.stuffs.nodes} />
          <nav aria-label="Catalogue pages" className="pager">
            {newer ? <Link href={newer}>Newer</Link> : null}
            {data.stuffs.pageInfo.hasNextPage && data.stuffs.pageInfo.endCursor ? (
              <Link href={olderHref(search, data.stuffs.pageInfo.endCursor)} rel="next">
                Older
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
