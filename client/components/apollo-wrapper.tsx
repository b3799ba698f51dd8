'use client';

import { ApolloLink, HttpLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { ApolloClient, ApolloNextAppProvider, InMemoryCache } from '@apollo/client-integration-nextjs';
import type { ReactNode } from 'react';
import { liveUpdatesClient } from '../lib/live-updates';

/**
 * Client components only mutate and subscribe; server components do the reading. So while
 * client components are rendered on the server there is nothing to fetch, and the link
 * there is empty; in the browser, HTTP goes to /graphql on this site and subscriptions
 * over graphql-ws to the same path.
 */
function makeClient(): ApolloClient {
  if (typeof window === 'undefined') return new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  const live = new GraphQLWsLink(liveUpdatesClient());
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.split(({ query }) => isSubscriptionOperation(query), live, http),
  });
}

export function ApolloWrapper({ children }: { children: ReactNode }) {
  return <ApolloNextAppProvider makeClient={makeClient}>{children}</ApolloNextAppProvider>;
}
