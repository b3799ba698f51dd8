import type { Metadata } from 'next';
import { ForgotPasswordForm } from '../../components/forgot-password-form';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      <p>Tell us your e-mail and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </div>
  );
}
