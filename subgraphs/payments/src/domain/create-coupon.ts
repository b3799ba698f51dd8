import { randomInt } from 'node:crypto';
import { BadUserInputError, ForbiddenError, assertSignedIn, type Identity } from '@stuffmart/common';
import { z } from 'zod';
import { insertCoupon } from '../data-access/coupons.js';
import type { CouponRow } from '../data-access/payments-database.js';
import { COUPON_CODE } from './coupon-code.js';
import type { PaymentsDeps } from './payments-deps.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: codes are read aloud and typed

const couponSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(COUPON_CODE, { error: 'Code must be 6 to 32 upper-case letters and digits' })
    .optional(),
  percentOff: z
    .number()
    .int()
    .min(1, { error: 'Percent off must be between 1 and 100' })
    .max(100, { error: 'Percent off must be between 1 and 100' }),
  maxRedemptions: z
    .number()
    .int()
    .min(1, { error: 'Max redemptions must be at least 1' })
    .max(1_000_000, { error: 'Max redemptions must be at most 1000000' }),
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), { error: 'Expiry must be in the future' })
    .nullable()
    .optional(),
});

export type CouponInput = z.input<typeof couponSchema>;

export function assertAdmin(user: Identity | null): Identity {
  const admin = assertSignedIn(user);
  if (admin.role !== 'ADMIN') throw new ForbiddenError();
  return admin;
}

function generateCode(): string {
  return Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** An admin makes a coupon; a generated code that happens to exist already is drawn again. */
export async function createCoupon(deps: PaymentsDeps, user: Identity | null, input: CouponInput): Promise<CouponRow> {
  const admin = assertAdmin(user);
  const parsed = couponSchema.safeParse(input);
  if (!parsed.success) {
    throw new BadUserInputError(
      parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'input'), message: issue.message })),
    );
  }
  const { code, percentOff, maxRedemptions, expiresAt } = parsed.data;
  for (let tries = 0; tries < 5; tries++) {
    const coupon = await insertCoupon(deps.db, {
      code: code ?? generateCode(),
      percentOff,
      maxRedemptions,
      expiresAt: expiresAt ?? null,
      createdBy: admin.userId,
    });
    if (coupon) return coupon;
    if (code) throw new BadUserInputError([{ field: 'code', message: 'Code in use' }]);
  }
  throw new Error('could not draw an unused coupon code');
}
