import Link from 'next/link';
import type { PageInfoFieldsFragment as PageInfo } from '../lib/graphql/generated/graphql';

interface PagerProps {
  /** The list's own path; pages after the first add `?after=<cursor>`. */
  path: string;
  /** What the navigation is called for screen readers, e.g. "Order pages". */
  label: string;
  pageInfo: PageInfo;
  /** Words for the links, e.g. "Newest orders" and "Older orders". */
  newest: string;
  older: string;
}

/**
 * "Newest" back to the first page and "Older" to the next. Lists are newest first and paged
 * forwards by cursor, so the way back is the start; a link shows only where there is a page.
 */
export function Pager({ path, label, pageInfo, newest, older }: PagerProps) {
  if (!pageInfo.hasPreviousPage && !pageInfo.hasNextPage) return null;
  return (
    <nav aria-label={label} className="pager">
      {pageInfo.hasPreviousPage ? <Link href={path}>{newest}</Link> : null}
      {pageInfo.hasNextPage && pageInfo.endCursor ? (
        <Link href={`${path}?after=${encodeURIComponent(pageInfo.endCursor)}`} rel="next">
          {older}
        </Link>
      ) : null}
    </nav>
  );
}
