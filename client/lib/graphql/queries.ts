import { gql, type TypedDocumentNode } from '@apollo/client';
import { ORDER_DETAIL_FIELDS, PAGE_INFO_FIELDS, VIEWER_FIELDS } from './fragments';
import type {
  CouponSummary,
  OrderDetail,
  OrderSummary,
  Page,
  StuffDetail,
  StuffFilter,
  StuffSummary,
  Viewer,
} from './schema-types';

export const VIEWER: TypedDocumentNode<{ me: Viewer | null }, Record<string, never>> = gql`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
  ${VIEWER_FIELDS}
`;

export const CATALOGUE_PAGE_SIZE = 20;

/** How many of a person's own things (stuff, orders, coupons) one page shows. */
export const LIST_PAGE_SIZE = 20;

/** Variables of every paged list: the page size and the cursor it continues after. */
export interface PageVariables {
  first: number;
  after: string | null;
}

export const CATALOGUE: TypedDocumentNode<
  {
    stuffs: {
      nodes: StuffSummary[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { first: number; after: string | null; filter: StuffFilter | null }
> = gql`
  query Catalogue($first: Int!, $after: String, $filter: StuffFilter) {
    stuffs(first: $first, after: $after, filter: $filter) {
      nodes {
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const STUFF: TypedDocumentNode<{ stuff: StuffDetail | null }, { id: string }> = gql`
  query Stuff($id: ID!) {
    stuff(id: $id) {
      id
      title
      description
      priceCents
      currency
      category
      availability
      reservedUntil
      version
      createdAt
      photos {
        id
        url
        thumbnailUrl
        width
        height
      }
      seller {
        id
        displayName
        emailVerified
      }
    }
  }
`;

export const MY_STUFFS: TypedDocumentNode<{ me: { id: string; stuffs: Page<StuffSummary> } | null }, PageVariables> =
  gql`
    query MyStuffs($first: Int!, $after: String) {
      me {
        id
        stuffs(first: $first, after: $after) {
          nodes {
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
          pageInfo {
            ...PageInfoFields
          }
        }
      }
    }
    ${PAGE_INFO_FIELDS}
  `;

export const MY_ORDERS: TypedDocumentNode<{ myOrders: Page<OrderSummary> }, PageVariables> = gql`
  query MyOrders($first: Int!, $after: String) {
    myOrders(first: $first, after: $after) {
      nodes {
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
      pageInfo {
        ...PageInfoFields
      }
    }
  }
  ${PAGE_INFO_FIELDS}
`;

export const ORDER: TypedDocumentNode<{ order: OrderDetail | null }, { id: string }> = gql`
  query Order($id: ID!) {
    order(id: $id) {
      ...OrderDetailFields
    }
  }
  ${ORDER_DETAIL_FIELDS}
`;

export const COUPONS: TypedDocumentNode<{ coupons: Page<CouponSummary> }, PageVariables> = gql`
  query Coupons($first: Int!, $after: String) {
    coupons(first: $first, after: $after) {
      nodes {
        code
        percentOff
        maxRedemptions
        redemptions
        expiresAt
        createdAt
        createdBy {
          id
          displayName
        }
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
  ${PAGE_INFO_FIELDS}
`;
