import { isCategory } from './categories';
import type { Category } from './graphql/generated/graphql';
import { parsePrice } from './money';

/** What a page of the catalogue shows, exactly as its URL says: a search is a shareable link. */
export interface CatalogueSearch {
  /** Words to look for, as typed (the API takes 1..100 characters). */
  q: string;
  category: Category | null;
  /** Only what can be bought right now. */
  available: boolean;
  /** The highest price, as typed in dollars, e.g. "20" or "12.50". */
  max: string;
  /** The cursor this page continues after; null on the first page. */
  after: string | null;
  /** The cursors of the pages before this one (an empty string is the first page), for "Newer". */
  trail: string[];
}

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');
const many = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

export function readCatalogueSearch(params: SearchParams): CatalogueSearch {
  const category = one(params.category);
  return {
    q: one(params.q).trim(),
    category: isCategory(category) ? category : null,
    available: one(params.available) === '1',
    max: one(params.max).trim(),
    after: one(params.after) || null,
    trail: many(params.trail),
  };
}

/** Whether the visitor narrowed the catalogue at all. */
export function isSearching(search: CatalogueSearch): boolean {
  return Boolean(search.q || search.category || search.available || search.max);
}

/** The API's filter for a search, or null for the plain newest-first catalogue. */
export function toStuffFilter(search: CatalogueSearch) {
  const maxPriceCents = search.max ? parsePrice(search.max, 'usd') : null;
  const filter = {
    ...(search.q ? { query: search.q } : {}),
    ...(search.category ? { category: search.category } : {}),
    ...(search.available ? { availability: ['AVAILABLE' as const] } : {}),
    ...(maxPriceCents !== null ? { maxPriceCents } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : null;
}

/** The URL of the catalogue for a search, on its first page unless `page` says otherwise. */
export function catalogueHref(
  search: CatalogueSearch,
  changes: Partial<Pick<CatalogueSearch, 'q' | 'category' | 'available' | 'max'>> = {},
  page: { after: string | null; trail: string[] } = { after: null, trail: [] },
): string {
  const next = { ...search, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.category) params.set('category', next.category);
  if (next.available) params.set('available', '1');
  if (next.max) params.set('max', next.max);
  if (page.after) {
    params.set('after', page.after);
    for (const cursor of page.trail) params.append('trail', cursor);
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

/** The next page of the same search: this page's cursor joins the trail. */
export function olderHref(search: CatalogueSearch, endCursor: string): string {
  return catalogueHref(search, {}, { after: endCursor, trail: [...search.trail, search.after ?? ''] });
}

/** The page before this one within the same search, or null on the first page. */
export function newerHref(search: CatalogueSearch): string | null {
  if (!search.after) return null;
  const trail = search.trail.slice(0, -1);
  return catalogueHref(search, {}, { after: search.trail.at(-1) || null, trail });
}
