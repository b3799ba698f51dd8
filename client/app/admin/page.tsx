import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { CouponForm } from '../../components/coupon-form';
import { CouponTable } from '../../components/coupon-table';
import { Pager } from '../../components/pager';
import { ProblemNotice } from '../../components/problem-notice';
import { COUPONS, LIST_PAGE_SIZE } from '../../lib/graphql/queries';
import { loadPageData } from '../../lib/load-page-data';
import { pageCursor } from '../../lib/page-cursor';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Admin: coupons', robots: { index: false } };

interface AdminPageProps {
  searchParams: Promise<{ after?: string | string[] }>;
}

/** Coupons, for admins only. Others get a 403 page before anything is asked of the payments service. */
export default async function AdminPage({ searchParams }: AdminPageProps) {
  const viewer = await requireViewer('/admin');
  if (viewer.role !== 'ADMIN') forbidden();
  const after = pageCursor((await searchParams).after);
  const { data, problem } = await loadPageData(COUPONS, { first: LIST_PAGE_SIZE, after });
  return (
    <>
      <h1>Coupons</h1>
      <CouponForm />
      <section aria-labelledby="coupon-list-title">
        <h2 id="coupon-list-title">All coupons</h2>
        {problem ? (
          <ProblemNotice title="The coupons could not be loaded" problem={problem} />
        ) : (
          <>
            <CouponTable coupons={data.coupons.nodes} />
            <Pager
              path="/admin"
              label="Pages of coupons"
              pageInfo={data.coupons.pageInfo}
              newest="Newest coupons"
              older="Older coupons"
            />
          </>
        )}
      </section>
    </>
  );
}
