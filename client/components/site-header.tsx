import Link from 'next/link';
import type { Viewer } from '../lib/graphql/schema-types';
import { PersonName } from './person-name';
import { SignOutButton } from './sign-out-button';

/** The links follow who is looking: the admin page is not even offered to others. */
export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          Stuffmart
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
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
    </header>
  );
}
