import { parsePageArgs, toConnection, type Connection, type Identity } from '@stuffmart/common';
import { findCouponsAfter } from '../data-access/coupons.js';
import type { CouponRow } from '../data-access/payments-database.js';
import { isCouponCode } from './coupon-code.js';
import { assertAdmin } from './create-coupon.js';
import type { PaymentsDeps } from './payments-deps.js';

/** Every coupon, newest first, for admins; one row more than asked tells whether another page follows. */
export async function listCoupons(
  deps: PaymentsDeps,
  user: Identity | null,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<CouponRow>> {
  assertAdmin(user);
  const page = parsePageArgs(first, after, isCouponCode);
  const rows = await findCouponsAfter(deps.db, page.after, page.first + 1);
  return toConnection(rows, page, (coupon) => ({ createdAt: coupon.createdAt, key: coupon.code }));
}
