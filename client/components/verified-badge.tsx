/** The "verified student" badge: the person has shown they read mail at their address. */
export function VerifiedBadge() {
  return (
    <span className="badge badge-verified" title="This person confirmed their university e-mail address">
      Verified student
    </span>
  );
}
