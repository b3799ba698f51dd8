import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="narrow">
      <h1>Admins only</h1>
      <p>This page is for Stuffmart admins. Your account cannot see or create coupons.</p>
      <p>
        <Link href="/">Back to the catalogue</Link>
      </p>
    </section>
  );
}
