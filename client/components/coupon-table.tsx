import type { CouponsQuery } from '../lib/graphql/generated/graphql';
import { VisitorTime } from './visitor-time';

type CouponSummary = CouponsQuery['coupons']['nodes'][number];

export function CouponTable({ coupons }: { coupons: CouponSummary[] }) {
  if (coupons.length === 0) return <p className="empty">No coupons yet.</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>Coupons, with how often each was used</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Off</th>
            <th scope="col">Used</th>
            <th scope="col">Expires</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {coupons.map((coupon) => (
            <tr key={coupon.code}>
              <th scope="row">{coupon.code}</th>
              <td>{coupon.percentOff}%</td>
              <td>
                {coupon.redemptions} of {coupon.maxRedemptions}
              </td>
              <td>{coupon.expiresAt ? <VisitorTime iso={coupon.expiresAt} /> : 'Never'}</td>
              <td>
                <VisitorTime iso={coupon.createdAt} /> by {coupon.createdBy.displayName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
