import { BUNDLED, SERVICES, SUBGRAPHS as SUBGRAPH_SERVICES, type Service } from '../../scripts/services.js';

export interface DeploymentUnit extends Service {
  /** A Node service bundled by scripts/build.ts; the storefront is built by Next.js instead. */
  bundled: boolean;
}

/**
 * Every image, compose service and Kubernetes Deployment of ours: the services of the manifest
 * (scripts/services.ts). Tests iterate over these and look each up where it is deployed, so a
 * service missing from compose, k8s/, skaffold.yaml or the Dockerfile fails them.
 */
export const UNITS: readonly DeploymentUnit[] = SERVICES.map((service) => ({
  ...service,
  bundled: BUNDLED.includes(service),
}));

export const SUBGRAPHS: readonly string[] = SUBGRAPH_SERVICES.map((service) => service.name);

/** What the public reaches: the API and the storefront, nothing else. */
export const PUBLIC_PORTS: Readonly<Record<string, number>> = Object.fromEntries(
  SERVICES.filter((service) => service.public).map((service) => [service.name, service.port]),
);

const holding = (secret: Service['secrets'][number]) =>
  SERVICES.filter((service) => service.secrets.includes(secret)).map((service) => service.name);

/** Whoever holds JWT_KEY can mint any user's access token: only these sign anything. */
export const SIGNERS: readonly string[] = holding('JWT_KEY');

/** Who gets VOUCHER_KEY: the gateway signs vouchers with it, the subgraphs check them. */
export const VOUCHER_HOLDERS: readonly string[] = holding('VOUCHER_KEY');
