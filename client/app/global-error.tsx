'use client';

/** When even the layout fails: a page of its own, since the site's layout and styles are not there. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '1.5rem', color: '#1a1a1a', background: '#fff' }}>
        <h1>Stuffmart could not be shown</h1>
        <p>Something went wrong on our side. Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ minHeight: '44px', padding: '0 1rem' }}>
          Try again
        </button>
      </body>
    </html>
  );
}
