import { BadUserInputError, type FieldError } from '@stuffmart/common';
import { isCouponCode } from './coupon-code.js';
import type { PayOrderInput } from './pay-order.js';

/** Stripe's ids are far shorter; anything longer is no payment method. */
export const MAX_PAYMENT_METHOD_ID_LENGTH = 255;

/**
 * The strings of payOrder as api.graphql allows them, checked before anything is read or
 * counted: a code that cannot be a coupon is refused here and costs no coupon guess. A code is
 * matched in upper case, and an empty one means none. An order id that is no UUID names no
 * order (NOT_FOUND, as for any unknown id).
 */
export function parsePayOrderInput(input: PayOrderInput): PayOrderInput {
  const couponCode = input.couponCode?.trim().toUpperCase() || null;
  const errors: FieldError[] = [];
  if (couponCode !== null && !isCouponCode(couponCode)) {
    errors.push({ field: 'couponCode', message: 'Coupon code must be 6 to 32 letters and digits' });
  }
  if (input.paymentMethodId && input.paymentMethodId.length > MAX_PAYMENT_METHOD_ID_LENGTH) {
    errors.push({
      field: 'paymentMethodId',
      message: `Payment method must be at most ${MAX_PAYMENT_METHOD_ID_LENGTH} characters`,
    });
  }
  if (errors.length > 0) throw new BadUserInputError(errors);
  return { orderId: input.orderId, paymentMethodId: input.paymentMethodId ?? null, couponCode };
}
