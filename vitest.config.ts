import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for type-graphql and Apollo; Vite would give our own
    // source the .mjs build, and graphql refuses types from two copies of itself.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: [
      '**/test/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'scripts/**/*.test.ts',
      'client/test/**/*.test.tsx',
    ],
    exclude: ['**/node_modules/**', 'client/.next/**'],
    // Each file starts a whole system (several servers, databases, Redis); two at a time fit two cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['reflect-metadata'],
  },
});
