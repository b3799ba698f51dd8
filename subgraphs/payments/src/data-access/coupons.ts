import type { Position } from '@stuffmart/common';
import { sql, type Kysely } from 'kysely';
import type { CouponRow, PaymentsDatabase } from './payments-database.js';

export async function insertCoupon(
  db: Kysely<PaymentsDatabase>,
  coupon: { code: string; percentOff: number; maxRedemptions: number; expiresAt: Date | null; createdBy: string },
): Promise<CouponRow | null> {
  const row = await db
    .insertInto('coupons')
    .values(coupon)
    .onConflict((conflict) => conflict.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Newest first, the code breaking ties, so a position is never on two pages. */
export async function findCouponsAfter(
  db: Kysely<PaymentsDatabase>,
  after: Position | null,
  limit: number,
): Promise<CouponRow[]> {
  let query = db.selectFrom('coupons').selectAll();
  if (after) {
    query = query.where((eb) =>
      eb(eb.refTuple('createdAt', 'code'), '<', eb.tuple(eb.val(after.createdAt), eb.val(after.key))),
    );
  }
  return query.orderBy('createdAt', 'desc').orderBy('code', 'desc').limit(limit).execute();
}

export async function findCoupon(db: Kysely<PaymentsDatabase>, code: string): Promise<CouponRow | undefined> {
  return db.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirst();
}

/**
 * Takes one redemption in a single guarded statement: under any number of simultaneous
 * payments, a coupon is never redeemed more than maxRedemptions times.
 */
export async function redeemCoupon(
  db: Kysely<PaymentsDatabase>,
  code: string,
  now: Date,
): Promise<CouponRow | undefined> {
  return db
    .updateTable('coupons')
    .set({ redemptions: sql`redemptions + 1` })
    .where('code', '=', code)
    .where(sql<boolean>`redemptions < max_redemptions`)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .returningAll()
    .executeTakeFirst();
}

/** A payment that failed gives its redemption back. */
export async function returnRedemption(db: Kysely<PaymentsDatabase>, code: string): Promise<void> {
  await db
    .updateTable('coupons')
    .set({ redemptions: sql`redemptions - 1` })
    .where('code', '=', code)
    .where('redemptions', '>', 0)
    .execute();
}
