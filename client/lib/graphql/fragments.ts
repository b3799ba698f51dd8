import { graphql } from './generated';

/*
 * Selections shared by several documents. A document spreads one by its name (`...ViewerFields`)
 * and codegen adds the definition to that document; the generated `…FieldsFragment` types are
 * what components take as props.
 */

/** Who is looking, as the header, the banner and the pages need them. */
export const VIEWER_FIELDS = graphql(`
  fragment ViewerFields on User {
    id
    displayName
    email
    emailVerified
    role
  }
`);

/** A person as anyone may see them: the display name and the "verified student" badge, never the e-mail. */
export const PERSON_FIELDS = graphql(`
  fragment PersonFields on User {
    id
    displayName
    emailVerified
  }
`);

/** Where a page of a connection stands, for the Older/Newer links. */
export const PAGE_INFO_FIELDS = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

/** A stuff as its card in a list shows it; only the cover is shown, sized so the grid does not shift. */
export const STUFF_CARD_FIELDS = graphql(`
  fragment StuffCardFields on Stuff {
    id
    title
    description
    priceCents
    currency
    category
    availability
    photos {
      thumbnailUrl
      width
      height
    }
  }
`);

/** A stored photo: WebP, `url` at most 1600 px on the long side, `thumbnailUrl` 400 px. */
export const PHOTO_FIELDS = graphql(`
  fragment PhotoFields on Photo {
    id
    url
    thumbnailUrl
    width
    height
  }
`);

/** A payment as the order page shows it, read with the order or returned by payOrder. */
export const PAYMENT_FIELDS = graphql(`
  fragment PaymentFields on Payment {
    id
    amountCents
    currency
    status
    couponCode
    createdAt
  }
`);

/** An order as a row of "My orders" shows it. */
export const ORDER_SUMMARY_FIELDS = graphql(`
  fragment OrderSummaryFields on Order {
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
  }
`);

/** An order as its page shows it: read once by the query, then brought whole by every live event. */
export const ORDER_DETAIL_FIELDS = graphql(`
  fragment OrderDetailFields on Order {
    ...OrderSummaryFields
    payment {
      ...PaymentFields
    }
  }
`);
