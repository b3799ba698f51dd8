import { registerEnumType } from 'type-graphql';

export enum CategoryEnum {
  NOTES = 'NOTES',
  TEXTBOOKS = 'TEXTBOOKS',
  TICKETS = 'TICKETS',
  ELECTRONICS = 'ELECTRONICS',
  FURNITURE = 'FURNITURE',
  CLOTHING = 'CLOTHING',
  SPORTS = 'SPORTS',
  OTHER = 'OTHER',
}

/**
 * The orders subgraph owns availability and defines this enum too; catalog needs it for the
 * filter. Federation composes the two only while their values are the same.
 */
export enum AvailabilityEnum {
  AVAILABLE = 'AVAILABLE',
  RESERVED = 'RESERVED',
  SOLD = 'SOLD',
}

registerEnumType(CategoryEnum, { name: 'Category' });
registerEnumType(AvailabilityEnum, { name: 'Availability' });
