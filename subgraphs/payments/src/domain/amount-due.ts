/** The price less the coupon, in minor units, never below zero; rounding favours the buyer. */
export function amountDue(priceCents: number, percentOff: number | undefined): number {
  if (!percentOff) return priceCents;
  return Math.max(0, priceCents - Math.ceil((priceCents * percentOff) / 100));
}

export function formatAmount(amountCents: number, currency: string): string {
  return `${(amountCents / 100).toFixed(2)} ${currency.toUpperCase()}`;
}
