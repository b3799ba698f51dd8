import { DEPLOYABLES } from '../../scripts/build.js';

export interface DeploymentUnit {
  name: string;
  portVariable: string;
  port: number;
  /** A Node service bundled by scripts/build.ts; the storefront is built by Next.js instead. */
  bundled: boolean;
}

/** Every image, compose service and Kubernetes Deployment of ours: each Node deployable and the storefront. */
export const UNITS: readonly DeploymentUnit[] = [
  ...DEPLOYABLES.map(({ name, portVariable, port }) => ({ name, portVariable, port, bundled: true })),
  { name: 'client', portVariable: 'CLIENT_PORT', port: 3000, bundled: false },
];

export const SUBGRAPHS = ['auth', 'catalog', 'orders', 'payments'] as const;

/** What the public reaches: the API and the storefront, nothing else. */
export const PUBLIC_PORTS = { gateway: 4000, client: 3000 } as const;
