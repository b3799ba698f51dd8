import type { ReactNode } from 'react';

/**
 * An account page's heading with outlines of its content, while its data is on its way. Only
 * pages that cannot answer 404 have one: a loading.tsx streams the page, which commits it to 200.
 */
export function PageLoading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      {children}
    </>
  );
}
