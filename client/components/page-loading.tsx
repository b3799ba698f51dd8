/** Shown while an account page's data is on its way (public pages render whole, for crawlers and status codes). */
export function PageLoading({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="loading" role="status">
        Loading…
      </p>
    </>
  );
}
