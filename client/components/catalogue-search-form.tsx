import Link from 'next/link';
import { CATEGORIES } from '../lib/categories';
import { catalogueHref, type CatalogueSearch } from '../lib/catalogue-search';

/**
 * A plain GET form: the search lands in the URL and the page is rendered on the server, so it
 * works without JavaScript and a search can be shared as a link. The category chips are links
 * that keep everything else.
 */
export function CatalogueSearchForm({ search }: { search: CatalogueSearch }) {
  return (
    <section aria-label="Search the catalogue" className="catalogue-search">
      <form method="get" action="/" role="search" className="search-form">
        <div className="field">
          <label htmlFor="catalogue-q">Search</label>
          <input
            id="catalogue-q"
            name="q"
            type="search"
            defaultValue={search.q}
            maxLength={100}
            placeholder="e.g. calculus notes"
          />
        </div>
        <div className="field">
          <label htmlFor="catalogue-max">Max price (USD)</label>
          <input id="catalogue-max" name="max" inputMode="decimal" defaultValue={search.max} size={8} />
        </div>
        <div className="field field-inline">
          <input
            id="catalogue-available"
            name="available"
            type="checkbox"
            value="1"
            defaultChecked={search.available}
          />
          <label htmlFor="catalogue-available">Available now</label>
        </div>
        {search.category ? <input type="hidden" name="category" value={search.category} /> : null}
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      <nav aria-label="Categories" className="chips">
        <Link
          href={catalogueHref(search, { category: null })}
          className="chip"
          aria-current={search.category ? undefined : 'page'}
        >
          All
        </Link>
        {CATEGORIES.map(({ value, label }) => (
          <Link
            key={value}
            href={catalogueHref(search, { category: value })}
            className="chip"
            aria-current={search.category === value ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
    </section>
  );
}
