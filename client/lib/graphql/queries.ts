import { gql, type TypedDocumentNode } from '@apollo/client';
import { VIEWER_FIELDS } from './fragments';
import type { CouponSummary, OrderDetail, OrderSummary, StuffDetail, StuffSummary, Viewer } from './schema-types';

export const VIEWER: TypedDocumentNode<{ me: Viewer | null }, Record<string, never>> = gql`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
  ${VIEWER_FIELDS}
`;

export const CATALOGUE_PAGE_SIZE = 20;

export const CATALOGUE: TypedDocumentNode<
  {
    stuffs: {
      nodes: StuffSummary[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { first: number; after: string | null }
> = gql`
  query Catalogue($first: Int!, $after: String) {
    stuffs(first: $first, after: $after) {
      nodes {
        id
        title
        description
        priceCents
        currency
        availability
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
      availability
      reservedUntil
      version
      createdAt
      seller {
        id
        displayName
        emailVerified
      }
    }
  }
`;

export const MY_STUFFS: TypedDocumentNode<
  { me: { id: string; stuffs: StuffSummary[] } | null },
  Record<string, never>
> = gql`
  query MyStuffs {
    me {
      id
      stuffs {
        id
        title
        description
        priceCents
        currency
        availability
      }
    }
  }
`;

export const MY_ORDERS: TypedDocumentNode<{ myOrders: OrderSummary[] }, Record<string, never>> = gql`
  query MyOrders {
    myOrders {
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
  }
`;

export const ORDER: TypedDocumentNode<{ order: OrderDetail | null }, { id: string }> = gql`
  query Order($id: ID!) {
    order(id: $id) {
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
  }
`;

export const COUPONS: TypedDocumentNode<{ coupons: CouponSummary[] }, Record<string, never>> = gql`
  query Coupons {
    coupons {
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
  }
`;
