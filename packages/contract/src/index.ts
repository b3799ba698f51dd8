export * from './error-codes.js';
export * from './money.js';
