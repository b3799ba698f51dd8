import type { PersonFieldsFragment as Person } from '../lib/graphql/generated/graphql';
import { VerifiedBadge } from './verified-badge';

/** How a person is shown to others: the name they chose and, when earned, the badge. Never their e-mail. */
export function PersonName({ person }: { person: Pick<Person, 'displayName' | 'emailVerified'> }) {
  return (
    <span className="person-name">
      <span className="display-name">{person.displayName}</span>
      {person.emailVerified ? (
        <>
          {' '}
          <VerifiedBadge />
        </>
      ) : null}
    </span>
  );
}
