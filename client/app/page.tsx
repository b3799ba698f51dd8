import type { Metadata } from 'next';
import Link from 'next/link';
import { ProblemNotice } from '../components/problem-notice';
import { StuffList } from '../components/stuff-list';
import { CATALOGUE, CATALOGUE_PAGE_SIZE } from '../lib/graphql/queries';
import { loadPageData } from '../lib/load-page-data';

export const metadata: Metadata = {
  title: { absolute: 'Stuffmart: notes, tickets, gear and digital goods from students' },
  description: 'Browse what students sell on Stuffmart: lecture notes, event tickets, gear and digital goods.',
};

interface CataloguePageProps {
  searchParams: Promise<{ after?: string | string[] }>;
}

/** The catalogue, newest first, rendered on the server so search engines see titles and prices. */
export default async function CataloguePage({ searchParams }: CataloguePageProps) {
  const { after } = await searchParams;
  const cursor = typeof after === 'string' && after ? after : null;
  const { data, problem } = await loadPageData(CATALOGUE, { first: CATALOGUE_PAGE_SIZE, after: cursor });

  return (
    <>
      <h1>Catalogue</h1>
      {problem ? (
        <ProblemNotice title="The catalogue could not be loaded" problem={problem} />
      ) : data.stuffs.nodes.length === 0 ? (
        <section className="empty">
          <p>{cursor ? 'There is nothing more to show.' : 'Nothing is for sale yet.'}</p>
          <p>
            <Link href="/sell">Sell something</Link>
            {cursor ? (
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
            {cursor ? <Link href="/">Newest</Link> : null}
            {data.stuffs.pageInfo.hasNextPage && data.stuffs.pageInfo.endCursor ? (
              <Link href={`/?after=${encodeURIComponent(data.stuffs.pageInfo.endCursor)}`} rel="next">
                Older stuff
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
