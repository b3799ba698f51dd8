import type { Metadata } from 'next';
import Link from 'next/link';
import { VerifyEmail } from '../../components/verify-email';
import { getViewer } from '../../lib/viewer';

/** The token is in the address: no Referer may carry it anywhere, and no search engine keep it. */
export const metadata: Metadata = { title: 'Verify your e-mail', robots: { index: false }, referrer: 'no-referrer' };

interface VerifyEmailPageProps {
  searchParams: Promise<{ token?: string | string[] }>;
}

/** Where the link in the sign-up mail leads: `/verify-email?token=…`. */
export default async function VerifyEmailPage({ searchParams }: VerifyEmailPageProps) {
  const { token } = await searchParams;
  const viewer = await getViewer().catch(() => null);
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <div className="narrow">
      <h1>Verify your e-mail</h1>
      {value ? (
        <VerifyEmail token={value} viewer={viewer} />
      ) : (
        <p className="notice notice-problem">
          This link is incomplete. Open the link from the mail again, or{' '}
          {viewer ? 'send yourself a new one from the banner above' : <Link href="/sign-in">sign in</Link>}.
        </p>
      )}
    </div>
  );
}
