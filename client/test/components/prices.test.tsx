import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StuffList } from '../../components/stuff-list';
import { formatPrice, parsePrice, priceInputValue } from '../../lib/money';

const stuff = (priceCents: number, currency: string) => ({
  id: `stuff-${currency}`,
  title: `Stuff in ${currency}`,
  description: '',
  priceCents,
  currency,
  category: 'OTHER' as const,
  availability: 'AVAILABLE' as const,
  photos: [],
});

describe('prices in their own currency', () => {
  it('shows a yen price as whole yen, the same number payments charges, and cents as cents', () => {
    const html = renderToStaticMarkup(<StuffList stuffs={[stuff(1500, 'jpy'), stuff(2599, 'usd')]} />);
    expect(html).toContain('<p class="price">¥1,500</p>');
    expect(html).toContain('<p class="price">$25.99</p>');
  });

  it('reads and fills a price field by the digits of ISO 4217, not by those Intl shows', () => {
    expect(formatPrice(750, 'jpy')).toBe('¥750');
    // Intl puts a no-break space after a currency code.
    expect(formatPrice(12345, 'kwd').replace(/\s/g, ' ')).toBe('KWD 12.345');
    // CLDR shows forints without decimals, but ISO 4217 (and so payments) counts fillér.
    expect(formatPrice(150000, 'huf').replace(/\s/g, ' ')).toBe('HUF 1,500.00');
    expect(parsePrice('1500', 'jpy')).toBe(1500);
    expect(parsePrice('15.5', 'jpy')).toBeNull();
    expect(parsePrice('1.234', 'kwd')).toBe(1234);
    expect(priceInputValue(750, 'jpy')).toBe('750');
  });
});
