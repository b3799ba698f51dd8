import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMAS, isEventType, ORDER_CANCELLED, ORDER_CREATED, parseEventData, STUFF_UPDATED } from './events.js';

const order = {
  orderId: '0b5b2e4c-5d0e-4f7e-9a59-3f0c1b1a6d10',
  stuffId: '6f1e0a3c-2b4d-4c8e-8f9a-1d2e3f4a5b6c',
  buyerId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  sellerId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  priceCents: 2599,
  currency: 'USD',
  expiresAt: '2026-11-29T21:15:00.000Z',
};

describe('the events of the contract', () => {
  it('declares every type the streams carry, once', () => {
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([
      'expiration.due',
      'order.cancelled',
      'order.completed',
      'order.created',
      'order.held',
      'payment.failed',
      'payment.started',
      'payment.succeeded',
      'stuff.created',
      'stuff.updated',
    ]);
    expect(isEventType(ORDER_CREATED)).toBe(true);
    expect(isEventType('order.teleported')).toBe(false);
    expect(isEventType('toString')).toBe(false);
  });

  it('parses a payload that fits its type, leaving out fields the contract does not know', () => {
    expect(parseEventData(ORDER_CREATED, { ...order, giftWrap: true })).toEqual(order);
  });

  it('refuses a payload that does not fit, naming the type and each bad field', () => {
    expect(() => parseEventData(ORDER_CREATED, { ...order, expiresAt: 1_700_000_000, priceCents: -1 })).toThrow(
      /^order\.created: priceCents: .+; expiresAt: .+$/,
    );
    expect(() => parseEventData(ORDER_CANCELLED, { ...order, reason: 'BORED' })).toThrow(/^order\.cancelled: reason: /);
    expect(() => parseEventData(STUFF_UPDATED, { ...order, stuffId: 'not-an-id', title: 'Notes' })).toThrow(
      /^stuff\.updated: stuffId: /,
    );
    expect(() => parseEventData(ORDER_CREATED, null)).toThrow(/^order\.created: \(payload\): /);
  });
});
