import { UnauthenticatedError } from '../errors/custom-error.js';
import type { Identity } from './identity.js';

/** For fields that need sign-in: returns who is signed in, or throws UNAUTHENTICATED. */
export function assertSignedIn(user: Identity | null): Identity {
  if (!user) throw new UnauthenticatedError();
  return user;
}
