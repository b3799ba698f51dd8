import { graphql } from './generated';

export const VIEWER = graphql(`
  query Viewer {
    me {
      ...ViewerFields
    }
  }
`);

export const CATALOGUE_PAGE_SIZE = 20;

/** How many of a person's own things (stuff, orders, coupons) one page shows. */
export const LIST_PAGE_SIZE = 20;

export const CATALOGUE = graphql(`
  query Catalogue($first: Int!, $after: String, $filter: StuffFilter) {
    stuffs(first: $first, after: $after, filter: $filter) {
      nodes {
        ...StuffCardFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const STUFF = graphql(`
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
        ...PhotoFields
      }
      seller {
        ...PersonFields
      }
    }
  }
`);

export const MY_STUFFS = graphql(`
  query MyStuffs($first: Int!, $after: String) {
    me {
      id
      stuffs(first: $first, after: $after) {
        nodes {
          ...StuffCardFields
        }
        pageInfo {
          ...PageInfoFields
        }
      }
    }
  }
`);

export const MY_ORDERS = graphql(`
  query MyOrders($first: Int!, $after: String) {
    myOrders(first: $first, after: $after) {
      nodes {
        ...OrderSummaryFields
      }
      pageInfo {
        ...PageInfoFields
      }
    }
  }
`);

export const ORDER = graphql(`
  query Order($id: ID!) {
    order(id: $id) {
      ...OrderDetailFields
    }
  }
`);

export const COUPONS = graphql(`
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
`);
