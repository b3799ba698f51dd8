/**
 * The client's environment, checked once. Only server code imports this: the browser
 * never needs these values, because it talks to the gateway through our own /graphql.
 */
export interface ClientConfig {
  /** The gateway's /graphql as this server reaches it. */
  gatewayUrl: string;
  /** Stripe's publishable key; without it card payment is switched off and said so. */
  stripePublishableKey: string | null;
  /**
   * The e-mail domains sign-up accepts (the auth service's ALLOWED_EMAIL_DOMAINS; give both
   * the same value). Only said on the sign-up form: the auth service is the one that refuses.
   * Empty: any.
   */
  allowedEmailDomains: string[];
}

const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

/** A host name: dot-separated labels of letters, digits and inner hyphens. */
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function readDomains(value: string | undefined): string[] {
  const domains = (value ?? '')
    .split(',')
    .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
    .filter(Boolean);
  const bad = domains.find((domain) => !DOMAIN.test(domain));
  if (bad !== undefined) {
    throw new Error(`ALLOWED_EMAIL_DOMAINS: must be comma-separated domains such as uni.edu,uni.ac.uk, got "${bad}"`);
  }
  return [...new Set(domains)];
}

export function readClientConfig(env: Record<string, string | undefined>): ClientConfig {
  const gatewayUrl = env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL;
  if (!URL.canParse(gatewayUrl) || !/^https?:$/.test(new URL(gatewayUrl).protocol)) {
    throw new Error(`GATEWAY_URL: must be an http(s) URL such as ${DEFAULT_GATEWAY_URL}, got "${gatewayUrl}"`);
  }
  const stripePublishableKey = env.STRIPE_PUBLISHABLE_KEY?.trim() || null;
  if (stripePublishableKey && !stripePublishableKey.startsWith('pk_')) {
    throw new Error('STRIPE_PUBLISHABLE_KEY: must be a publishable key (pk_…), never the secret one');
  }
  const allowedEmailDomains = readDomains(env.ALLOWED_EMAIL_DOMAINS);
  return { gatewayUrl, stripePublishableKey, allowedEmailDomains };
}

let loaded: ClientConfig | undefined;

export function clientConfig(): ClientConfig {
  loaded ??= readClientConfig(process.env);
  return loaded;
}
