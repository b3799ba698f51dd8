import 'reflect-metadata';
import { loadConfig, runMain } from '@stuffmart/common';
import { authConfigSchema } from './config.js';
import { startAuth } from './start-auth.js';

await runMain('auth', () => startAuth(loadConfig(authConfigSchema)));
