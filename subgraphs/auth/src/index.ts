import 'reflect-metadata';

export { adminCommandConfigSchema, authConfigSchema, type AdminCommandConfig, type AuthConfig } from './config.js';
export { buildAuthSchema } from './graphql/build-auth-schema.js';
export { changeRole } from './admin/change-role.js';
export { startAuth } from './start-auth.js';
