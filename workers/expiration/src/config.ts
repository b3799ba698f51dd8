import { baseConfigSchema, portSchema } from '@stuffmart/common/runtime';
import { z } from 'zod';

export const expirationConfigSchema = baseConfigSchema.extend({
  // Only /healthz and /readyz: the worker takes no requests, but probes need a door.
  EXPIRATION_PORT: portSchema(4005),
  BIND_HOST: z.string().default('127.0.0.1'),
});

export type ExpirationConfig = z.infer<typeof expirationConfigSchema>;
