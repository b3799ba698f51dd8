import { registerEnumType } from 'type-graphql';

export enum RoleEnum {
  USER = 'USER',
  ADMIN = 'ADMIN',
}

registerEnumType(RoleEnum, { name: 'Role' });
