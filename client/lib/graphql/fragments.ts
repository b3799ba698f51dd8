import { gql } from '@apollo/client';

/** Who is looking, as the header, the banner and the pages need them. */
export const VIEWER_FIELDS = gql`
  fragment ViewerFields on User {
    id
    displayName
    email
    emailVerified
    role
  }
`;
