import { HttpLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';
import { cookies } from 'next/headers';
import { clientConfig } from './config';
import { ACCESS_COOKIE } from './session/session-cookies';

/**
 * The Apollo Client of server components: one per request, straight to the gateway, signed
 * in as the visitor by forwarding their `session` cookie (the proxy has renewed it already).
 * Only the access token goes along; the refresh token stays between browser and gateway.
 */
export const { getClient } = registerApolloClient(() => {
  const forwardSession = new SetContextLink(async (previous) => {
    const token = (await cookies()).get(ACCESS_COOKIE)?.value;
    return token ? { headers: { ...previous.headers, cookie: `${ACCESS_COOKIE}=${token}` } } : {};
  });
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: forwardSession.concat(new HttpLink({ uri: clientConfig().gatewayUrl, fetchOptions: { cache: 'no-store' } })),
  });
});
