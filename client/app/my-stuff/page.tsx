import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '../../components/pager';
import { ProblemNotice } from '../../components/problem-notice';
import { StuffList } from '../../components/stuff-list';
import { LIST_PAGE_SIZE, MY_STUFFS } from '../../lib/graphql/queries';
import { loadPageData } from '../../lib/load-page-data';
import { pageCursor } from '../../lib/page-cursor';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'My stuff', robots: { index: false } };

interface MyStuffPageProps {
  searchParams: Promise<{ after?: string | string[] }>;
}

/** What the viewer sells, newest first, 20 a page, each with its edit link. */
export default async function MyStuffPage({ searchParams }: MyStuffPageProps) {
  await requireViewer('/my-stuff');
  const after = pageCursor((await searchParams).after);
  const { data, problem } = await loadPageData(MY_STUFFS, { first: LIST_PAGE_SIZE, after });
  const page = data?.me?.stuffs;
  return (
    <>
      <h1>My stuff</h1>
      {problem ? (
        <ProblemNotice title="Your stuff could not be loaded" problem={problem} />
      ) : !page || page.nodes.length === 0 ? (
        <section className="empty">
          <p>{after ? 'There is nothing more to show.' : 'You are not selling anything yet.'}</p>
          <p>
            <Link href="/sell">Sell something</Link>
            {after ? (
              <>
                {' or '}
                <Link href="/my-stuff">go back to your newest stuff</Link>
              </>
            ) : null}
          </p>
        </section>
      ) : (
        <>
          <StuffList stuffs={page.nodes} editable />
          <Pager
            path="/my-stuff"
            label="Pages of my stuff"
            pageInfo={page.pageInfo}
            newest="Newest stuff"
            older="Older stuff"
          />
        </>
      )}
    </>
  );
}
