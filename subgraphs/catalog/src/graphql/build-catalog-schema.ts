import { buildFederatedSchema } from '@stuffmart/common';
import type { GraphQLSchema } from 'graphql';
import { Photo, PhotoUpload } from './photo.js';
import { PhotoResolver } from './photo-resolver.js';
import { Stuff } from './stuff.js';
import { resolveStuffReference } from './stuff.reference.js';
import { StuffResolver } from './stuff-resolver.js';
import { User } from './user.js';
import { UserStuffsResolver } from './user-stuffs-resolver.js';

export function buildCatalogSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [StuffResolver, UserStuffsResolver, PhotoResolver], orphanedTypes: [Stuff, User, Photo, PhotoUpload] },
    { Stuff: { __resolveReference: resolveStuffReference } },
  );
}
