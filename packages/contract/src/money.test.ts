import { describe, expect, it } from 'vitest';
import { formatMinorUnits, minorUnitDigits, toMajorUnits } from './money.js';

describe('money by currency', () => {
  it('counts the minor unit of each currency as ISO 4217 does, whatever the letter case', () => {
    expect(minorUnitDigits('usd')).toBe(2);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('jpy')).toBe(0);
    expect(minorUnitDigits('KRW')).toBe(0);
    expect(minorUnitDigits('kwd')).toBe(3);
    expect(minorUnitDigits('bhd')).toBe(3);
    expect(minorUnitDigits('clf')).toBe(4);
    // CLDR shows these without decimals; ISO 4217 still gives them two.
    expect(minorUnitDigits('huf')).toBe(2);
    expect(minorUnitDigits('idr')).toBe(2);
  });

  it('reads an amount of minor units in major units and writes it with the currency', () => {
    expect(toMajorUnits(750, 'jpy')).toBe(750);
    expect(toMajorUnits(2599, 'usd')).toBe(25.99);
    expect(formatMinorUnits(750, 'jpy')).toBe('750 JPY');
    expect(formatMinorUnits(2000, 'usd')).toBe('20.00 USD');
    expect(formatMinorUnits(12345, 'kwd')).toBe('12.345 KWD');
  });
});
