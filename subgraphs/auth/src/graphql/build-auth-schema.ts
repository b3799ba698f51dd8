import { buildFederatedSchema } from '@stuffmart/common';
import type { GraphQLSchema } from 'graphql';
import { SessionResolver } from './session-resolver.js';
import { UserResolver } from './user-resolver.js';
import { User } from './user.js';
import { resolveUserReference } from './user.reference.js';

export function buildAuthSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [UserResolver, SessionResolver], orphanedTypes: [User] },
    { User: { __resolveReference: resolveUserReference } },
  );
}
