/** What a coupon code looks like (upper-case letters and digits, 6..32): anything else names no coupon. */
export const COUPON_CODE = /^[A-Z0-9]{6,32}$/;

export function isCouponCode(code: string): boolean {
  return COUPON_CODE.test(code);
}
