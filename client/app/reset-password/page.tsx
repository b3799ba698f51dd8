import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '../../components/reset-password-form';

/** The token is in the address: no Referer may carry it anywhere, and no search engine keep it. */
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' };

interface ResetPasswordPageProps {
  searchParams: Promise<{ token?: string | string[] }>;
}

/** Where the link in the reset mail leads: `/reset-password?token=…`. */
export default async function ResetPasswordPage({ searchParams }: ResetPasswordPageProps) {
  const { token } = await searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {value ? (
        <ResetPasswordForm token={value} />
      ) : (
        <p className="notice notice-problem">
          This link is incomplete. Open the link from the mail again, or{' '}
          <Link href="/forgot-password">ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}
