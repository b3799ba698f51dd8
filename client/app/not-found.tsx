import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="narrow">
      <h1>Not found</h1>
      <p>There is nothing here. The stuff or order may have been removed, or the link is mistyped.</p>
      <p>
        <Link href="/">Back to the catalogue</Link>
      </p>
    </section>
  );
}
