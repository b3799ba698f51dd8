'use client';

import Link from 'next/link';

/** Anything a page did not expect lands here, in words, instead of on a blank page. */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="narrow" role="alert">
      <h1>This page could not be shown</h1>
      <p>Something went wrong on our side, or part of Stuffmart is down. Please try again in a moment.</p>
      <p className="actions">
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/">Back to the catalogue</Link>
      </p>
    </section>
  );
}
