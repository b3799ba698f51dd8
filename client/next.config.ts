import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The contract's error codes and money rules are TypeScript source in a workspace package.
  transpilePackages: ['@stuffmart/contract'],
  experimental: {
    // forbidden(): the admin page answers a non-admin with a real 403 page.
    authInterrupts: true,
  },
};

export default nextConfig;
