import { minorUnitDigits } from '@stuffmart/contract/money';

/**
 * Prices travel as integers in the currency's minor unit (cents, or yen); people read and type
 * major units. The digits are ISO 4217's, the ones payments charges by (@stuffmart/contract),
 * never Intl's, which would show HUF or IDR without their two decimals.
 */

/** `1250, "usd"` → `$12.50`; an unknown currency code still reads sensibly. */
export function formatPrice(minorUnits: number, currency: string): string {
  const code = currency.toUpperCase();
  const digits = minorUnitDigits(code);
  const amount = minorUnits / 10 ** digits;
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${code}`;
  }
}

/** `"12.5", "usd"` → `1250`; null when the text is not an amount of that currency. */
export function parsePrice(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency.toUpperCase());
  const match = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text.trim().replace(/^[$€£]/, ''));
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** The inverse of parsePrice, for filling an edit form: `1250` → `"12.50"`. */
export function priceInputValue(minorUnits: number, currency: string): string {
  const digits = minorUnitDigits(currency.toUpperCase());
  return (minorUnits / 10 ** digits).toFixed(digits);
}
