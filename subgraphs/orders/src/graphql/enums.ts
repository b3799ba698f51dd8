import { registerEnumType } from 'type-graphql';

export enum OrderStatusEnum {
  AWAITING_PAYMENT = 'AWAITING_PAYMENT',
  COMPLETE = 'COMPLETE',
  CANCELLED = 'CANCELLED',
}

export enum AvailabilityEnum {
  AVAILABLE = 'AVAILABLE',
  RESERVED = 'RESERVED',
  SOLD = 'SOLD',
}

registerEnumType(OrderStatusEnum, { name: 'OrderStatus' });
registerEnumType(AvailabilityEnum, { name: 'Availability' });
