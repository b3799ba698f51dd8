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

/** Whoever holds JWT_KEY can mint any user's access token: only these sign anything. */
export const SIGNERS = ['gateway', 'auth'] as const;

/** Who gets VOUCHER_KEY: the gateway signs vouchers with it, the subgraphs check them. */
export const VOUCHER_HOLDERS = ['gateway', ...SUBGRAPHS] as const;
