import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  baseConfigSchema,
  booleanSchema,
  checkVoucherKey,
  portSchema,
  signingKeysConfigSchema,
} from '@stuffmart/common/runtime';
import { z } from 'zod';
import { plainAddress } from './request-identity.js';

const DEFAULT_SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** `auth=http://auth:4001/graphql,catalog=…`: where each subgraph runs when not where the supergraph says. */
const subgraphUrlsSchema = z
  .string()
  .default('')
  .transform((list, ctx) => {
    const urls: Record<string, string> = {};
    for (const entry of list
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [name, url] = entry.split(/=(.*)/s);
      if (!name || !url || !/^https?:\/\//.test(url)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not name=http(s)://url` });
        continue;
      }
      urls[name] = url;
    }
    return urls;
  });

/**
 * `true` behind ingress-nginx (nothing else reaches the gateway), `false` when clients reach it
 * directly, or the addresses of the proxies whose X-Forwarded-For counts (compose: the storefront,
 * while clients also reach the gateway's published port directly).
 */
const trustProxySchema = z
  .string()
  .default('false')
  .transform((value, ctx) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    const addresses = value.split(',').map((entry) => entry.trim());
    if (!addresses.every((address) => isIP(address) !== 0)) {
      ctx.addIssue({ code: 'custom', message: 'must be true, false or a comma-separated list of IP addresses' });
      return z.NEVER;
    }
    return addresses.map(plainAddress);
  });

/** `http://a.example,https://b.example`: each entry must be an origin (scheme, host, port; no path). */
const originListSchema = z
  .string()
  .optional()
  .transform((list, ctx) => {
    // Unset or empty (compose passes an empty value through): PUBLIC_URL's origin alone.
    if (list === undefined || list.trim() === '') return undefined;
    const origins: string[] = [];
    for (const entry of list
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const origin = URL.canParse(entry) ? new URL(entry).origin : 'null';
      if (origin === 'null' || !/^https?:/.test(origin)) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an http(s) origin` });
        continue;
      }
      origins.push(origin);
    }
    return origins;
  });

const gatewayEnvSchema = baseConfigSchema.extend(signingKeysConfigSchema.shape).extend({
  GATEWAY_PORT: portSchema(4000),
  BIND_HOST: z.string().default('127.0.0.1'),
  COOKIE_SECURE: booleanSchema,
  // Behind ingress-nginx the client's address is in X-Forwarded-For; trust it only there.
  TRUST_PROXY: trustProxySchema,
  SUBGRAPH_URLS: subgraphUrlsSchema,
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(10),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(5000),
  MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  // The storefront's address; browsers on it may call the gateway (CORS, WebSockets).
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3000'),
  // Origins allowed by CORS and for browser WebSockets; PUBLIC_URL's when unset.
  ALLOWED_ORIGINS: originListSchema,
  // Where clients reach the gateway, for absolute photo URLs; unset, the request's Host is used
  // (set it in production: see photo-routes.ts).
  GATEWAY_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // A subgraph that has not answered by then is SERVICE_UNAVAILABLE: no request hangs forever.
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  // Gateway processes sharing GATEWAY_PORT (node:cluster); 1 runs the gateway in this process alone.
  GATEWAY_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(() => availableParallelism()),
});

export const gatewayConfigSchema = gatewayEnvSchema.superRefine(checkVoucherKey).transform((env) => ({
  ...env,
  ALLOWED_ORIGINS: env.ALLOWED_ORIGINS ?? [new URL(env.PUBLIC_URL).origin],
}));

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
