// Prices travel as integers in the minor unit of their ISO-4217 currency. How many digits that
// unit is comes from ISO 4217 itself (List One, "Minor unit" column, maintained by SIX:
// https://www.six-group.com/en/products-services/financial-information/data-standards.html),
// not from CLDR/Intl, which rounds some currencies for display (HUF, IDR, COP… show 0 digits
// although ISO gives them 2). Payments and the storefront both count with this table, so an
// amount charged and an amount shown are the same number. This file imports nothing.

/** Currencies whose minor unit is not 2 digits (ISO 4217 List One); every other has 2. */
const MINOR_UNIT_DIGITS: Readonly<Record<string, number>> = {
  // No minor unit.
  bif: 0, // Burundi franc
  clp: 0, // Chilean peso
  djf: 0, // Djibouti franc
  gnf: 0, // Guinean franc
  isk: 0, // Icelandic króna
  jpy: 0, // Japanese yen
  kmf: 0, // Comorian franc
  krw: 0, // South Korean won
  pyg: 0, // Paraguayan guaraní
  rwf: 0, // Rwandan franc
  ugx: 0, // Ugandan shilling
  uyi: 0, // Uruguay peso en unidades indexadas
  vnd: 0, // Vietnamese đồng
  vuv: 0, // Vanuatu vatu
  xaf: 0, // CFA franc BEAC
  xof: 0, // CFA franc BCEAO
  xpf: 0, // CFP franc
  // Three digits.
  bhd: 3, // Bahraini dinar
  iqd: 3, // Iraqi dinar
  jod: 3, // Jordanian dinar
  kwd: 3, // Kuwaiti dinar
  lyd: 3, // Libyan dinar
  omr: 3, // Omani rial
  tnd: 3, // Tunisian dinar
  // Four digits.
  clf: 4, // Unidad de Fomento
  uyw: 4, // Unidad previsional
  // ISO gives "N.A." (no minor unit) for precious metals, SDR, bond-market units, test and
  // "no currency" codes; an amount of them is counted in whole units.
  xag: 0,
  xau: 0,
  xba: 0,
  xbb: 0,
  xbc: 0,
  xbd: 0,
  xdr: 0,
  xpd: 0,
  xpt: 0,
  xsu: 0,
  xts: 0,
  xua: 0,
  xxx: 0,
};

/** How many digits the currency's minor unit has: `jpy` → 0, `usd` → 2, `kwd` → 3. */
export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency.toLowerCase()] ?? 2;
}

/** An amount in minor units as a number of major units: `750, "jpy"` → 750; `2599, "usd"` → 25.99. */
export function toMajorUnits(minorUnits: number, currency: string): number {
  return minorUnits / 10 ** minorUnitDigits(currency);
}

/** `750, "jpy"` → `"750 JPY"`; `2000, "usd"` → `"20.00 USD"`: plain, for messages and logs. */
export function formatMinorUnits(minorUnits: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return `${toMajorUnits(minorUnits, currency).toFixed(digits)} ${currency.toUpperCase()}`;
}
