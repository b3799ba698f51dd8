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

/** Where a page of a connection stands, for the Older/Newer links. */
export const PAGE_INFO_FIELDS = gql`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;

/** An order as its page shows it: read once by the query, then brought whole by every live event. */
export const ORDER_DETAIL_FIELDS = gql`
  fragment OrderDetailFields on Order {
    id
    status
    priceCents
    currency
    expiresAt
    createdAt
    stuff {
      id
      title
    }
    payment {
      id
      amountCents
      currency
      status
      couponCode
      createdAt
    }
  }
`;
