export type Role = 'USER' | 'ADMIN';

/** Who is signed in, as the gateway vouches for it. */
export interface Identity {
  userId: string;
  email: string;
  role: Role;
  /** The sign-in (refresh-token family) the access token belongs to. */
  sessionId: string;
}
