import Link from 'next/link';
import type { ViewerFieldsFragment as Viewer } from '../lib/graphql/generated/graphql';
import { PersonName } from './person-name';
import { SignOutButton } from './sign-out-button';

/**
 * The links follow who is looking: the admin page is not even offered to others. One row at
 * any width: what does not fit beside the brand on a phone scrolls sideways (see .header-links).
 */
export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          <img className="brand-mark" src="/icon.svg" alt="" width={28} height={28} />
          <span className="brand-name">Stuffmart</span>
        </Link>
        {/* On a phone the links and the account scroll sideways beside the brand: one row, not two. */}
        <div className="header-links">
          <nav aria-label="Main">
            <ul className="nav-list">
              <li className="nav-home">
                <Link href="/">Catalogue</Link>
              </li>
              {viewer ? (
                <>
                  <li>
                    <Link href="/sell">Sell</Link>
                  </li>
                  <li>
                    <Link href="/my-stuff">My stuff</Link>
                  </li>
                  <li>
                    <Link href="/orders">My orders</Link>
                  </li>
                  {viewer.role === 'ADMIN' ? (
                    <li>
                      <Link href="/admin">Admin</Link>
                    </li>
                  ) : null}
                </>
              ) : null}
            </ul>
          </nav>
          <div className="account">
            {viewer ? (
              <>
                <span className="account-name" title={viewer.email ?? undefined}>
                  <PersonName person={viewer} />
                </span>
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/sign-in">Sign in</Link>
                <Link href="/sign-up" className="button button-primary">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}
