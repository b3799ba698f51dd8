import type { Metadata } from 'next';
import Link from 'next/link';
import { ProblemNotice } from '../../components/problem-notice';
import { StuffList } from '../../components/stuff-list';
import { MY_STUFFS } from '../../lib/graphql/queries';
import { loadPageData } from '../../lib/load-page-data';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'My stuff', robots: { index: false } };

/** What the viewer sells, newest first, each with its edit link. */
export default async function MyStuffPage() {
  await requireViewer('/my-stuff');
  const { data, problem } = await loadPageData(MY_STUFFS, {});
  const stuffs = data?.me?.stuffs ?? [];
  return (
    <>
      <h1>My stuff</h1>
      {problem ? (
        <ProblemNotice title="Your stuff could not be loaded" problem={problem} />
      ) : stuffs.length === 0 ? (
        <section className="empty">
          <p>You are not selling anything yet.</p>
          <p>
            <Link href="/sell">Sell something</Link>
          </p>
        </section>
      ) : (
        <StuffList stuffs={stuffs} editable />
      )}
    </>
  );
}
