// Events (./events) are left out on purpose: they bring zod, which the storefront does not need.
export * from './error-codes.js';
export * from './money.js';
