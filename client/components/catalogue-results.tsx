import Link from 'next/link';
import { isSearching, newerHref, olderHref, toStuffFilter, type CatalogueSearch } from '../lib/catalogue-search';
import { CATALOGUE, CATALOGUE_PAGE_SIZE } from '../lib/graphql/queries';
import { loadPageData } from '../lib/load-page-data';
import { ProblemNotice } from './problem-notice';
import { StuffList } from './stuff-list';

/** Said when a page has nothing: nothing at all, nothing more, or nothing that matches. */
function emptyMessage(search: CatalogueSearch): string {
  if (search.after) return 'There is nothing more to show.';
  return isSearching(search) ? 'Nothing matches this search.' : 'Nothing is for sale yet.';
}

/** One page of the catalogue for a search: the cards and the Newer/Older links, or why there are none. */
export async function CatalogueResults({ search }: { search: CatalogueSearch }) {
  const { data, problem } = await loadPageData(CATALOGUE, {
    first: CATALOGUE_PAGE_SIZE,
    after: search.after,
    filter: toStuffFilter(search),
  });
  if (problem) return <ProblemNotice title="The catalogue could not be loaded" problem={problem} />;
  if (data.stuffs.nodes.length === 0) {
    return (
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
    );
  }
  const newer = newerHref(search);
  return (
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
  );
}
