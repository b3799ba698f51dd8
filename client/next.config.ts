import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // forbidden(): the admin page answers a non-admin with a real 403 page.
    authInterrupts: true,
  },
};

export default nextConfig;
