import { describe, expect, it } from 'vitest';
import { newerHref, olderHref, readCatalogueSearch, toStuffFilter } from '../../lib/catalogue-search';

describe('the catalogue search in the URL', () => {
  it('becomes the API filter: words, category, available now, a dollar cap', () => {
    const search = readCatalogueSearch({ q: ' chemistry ', category: 'NOTES', available: '1', max: '12.50' });
    expect(toStuffFilter(search)).toEqual({
      query: 'chemistry',
      category: 'NOTES',
      availability: ['AVAILABLE'],
      maxPriceCents: 1250,
    });
  });

  it('is no filter at all when nothing is chosen, and ignores what it cannot read', () => {
    expect(toStuffFilter(readCatalogueSearch({}))).toBeNull();
    expect(toStuffFilter(readCatalogueSearch({ category: 'WEAPONS', max: 'cheap', q: ['a', 'b'] }))).toBeNull();
  });

  it('pages Older and back Newer within the same search', () => {
    const first = readCatalogueSearch({ q: 'lamp', category: 'FURNITURE' });
    expect(newerHref(first)).toBeNull();
    const secondHref = olderHref(first, 'C1');
    expect(secondHref).toBe('/?q=lamp&category=FURNITURE&after=C1&trail=');
    const second = readCatalogueSearch(Object.fromEntries(new URL(secondHref, 'http://x').searchParams));
    const third = readCatalogueSearch({ q: 'lamp', category: 'FURNITURE', after: 'C2', trail: ['', 'C1'] });
    expect(second.after).toBe('C1');
    expect(olderHref(third, 'C3')).toBe('/?q=lamp&category=FURNITURE&after=C3&trail=&trail=C1&trail=C2');
    expect(newerHref(third)).toBe('/?q=lamp&category=FURNITURE&after=C1&trail=');
    expect(newerHref(readCatalogueSearch({ q: 'lamp', category: 'FURNITURE', after: 'C1', trail: '' }))).toBe(
      '/?q=lamp&category=FURNITURE',
    );
  });
});
