import { formatMinorUnits } from '@stuffmart/contract/money';

/** The price less the coupon, in the currency's minor units, never below zero; rounding favours the buyer. */
export function amountDue(priceMinorUnits: number, percentOff: number | undefined): number {
  if (!percentOff) return priceMinorUnits;
  return Math.max(0, priceMinorUnits - Math.ceil((priceMinorUnits * percentOff) / 100));
}

/** `750, "jpy"` → `"750 JPY"`, `2000, "usd"` → `"20.00 USD"`: by the currency's own minor unit. */
export function formatAmount(amountMinorUnits: number, currency: string): string {
  return formatMinorUnits(amountMinorUnits, currency);
}
