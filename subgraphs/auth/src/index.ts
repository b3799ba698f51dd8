import 'reflect-metadata';

export { authConfigSchema, type AuthConfig } from './config.js';
export { buildAuthSchema } from './graphql/build-auth-schema.js';
export { startAuth } from './start-auth.js';
