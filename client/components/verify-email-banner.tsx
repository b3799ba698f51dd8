import type { ViewerFieldsFragment as Viewer } from '../lib/graphql/generated/graphql';
import { ResendVerificationButton } from './resend-verification-button';

/** On every page until the signed-in person has verified their address; gone once they have. */
export function VerifyEmailBanner({ viewer }: { viewer: Viewer | null }) {
  if (!viewer || viewer.emailVerified) return null;
  return (
    <section className="verify-banner" aria-labelledby="verify-banner-title">
      <div className="container verify-banner-row">
        <p id="verify-banner-title">
          <strong>Please verify your e-mail.</strong> We sent a link to {viewer.email ?? 'your address'}; open it to get
          your &ldquo;verified student&rdquo; badge.
        </p>
        <ResendVerificationButton email={viewer.email} />
      </div>
    </section>
  );
}
