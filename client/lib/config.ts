/**
 * The client's environment, checked once. Only server code imports this: the browser
 * never needs these values, because it talks to the gateway through our own /graphql.
 */
export interface ClientConfig {
  /** The gateway's /graphql as this server reaches it. */
  gatewayUrl: string;
  /** Stripe's publishable key; without it card payment is switched off and said so. */
  stripePublishableKey: string | null;
}

const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

export function readClientConfig(env: Record<string, string | undefined>): ClientConfig {
  const gatewayUrl = env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL;
  if (!URL.canParse(gatewayUrl) || !/^https?:$/.test(new URL(gatewayUrl).protocol)) {
    throw new Error(`GATEWAY_URL: must be an http(s) URL such as ${DEFAULT_GATEWAY_URL}, got "${gatewayUrl}"`);
  }
  const stripePublishableKey = env.STRIPE_PUBLISHABLE_KEY?.trim() || null;
  if (stripePublishableKey && !stripePublishableKey.startsWith('pk_')) {
    throw new Error('STRIPE_PUBLISHABLE_KEY: must be a publishable key (pk_…), never the secret one');
  }
  return { gatewayUrl, stripePublishableKey };
}

let loaded: ClientConfig | undefined;

export function clientConfig(): ClientConfig {
  loaded ??= readClientConfig(process.env);
  return loaded;
}
