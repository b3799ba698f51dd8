import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { CouponForm } from '../../components/coupon-form';
import { CouponTable } from '../../components/coupon-table';
import { ProblemNotice } from '../../components/problem-notice';
import { COUPONS } from '../../lib/graphql/queries';
import { loadPageData } from '../../lib/load-page-data';
import { requireViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Admin: coupons', robots: { index: false } };

/** Coupons, for admins only. Others get a 403 page before anything is asked of the payments service. */
export default async function AdminPage() {
  const viewer = await requireViewer('/admin');
  if (viewer.role !== 'ADMIN') forbidden();
  const { data, problem } = await loadPageData(COUPONS, {});
  return (
    <>
      <h1>Coupons</h1>
      <CouponForm />
      <section aria-labelledby="coupon-list-title">
        <h2 id="coupon-list-title">All coupons</h2>
        {problem ? (
          <ProblemNotice title="The coupons could not be loaded" problem={problem} />
        ) : (
          <CouponTable coupons={data.coupons} />
        )}
      </section>
    </>
  );
}
