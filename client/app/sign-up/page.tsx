import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthForm } from '../../components/auth-form';
import { clientConfig } from '../../lib/config';
import { safeReturnPath } from '../../lib/safe-return-path';
import { getViewer } from '../../lib/viewer';

export const metadata: Metadata = { title: 'Sign up', robots: { index: false } };

interface SignUpPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const returnPath = safeReturnPath((await searchParams).next);
  if (await getViewer().catch(() => null)) redirect(returnPath);
  return (
    <div className="narrow">
      <h1>Sign up</h1>
      <AuthForm mode="sign-up" returnPath={returnPath} allowedEmailDomains={clientConfig().allowedEmailDomains} />
    </div>
  );
}
