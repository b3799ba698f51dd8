import { formatDate } from '../lib/format-date';
import type { CouponSummary } from '../lib/graphql/schema-types';

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
              <td>{coupon.expiresAt ? formatDate(coupon.expiresAt) : 'Never'}</td>
              <td>
                {formatDate(coupon.createdAt)} by {coupon.createdBy.displayName}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
