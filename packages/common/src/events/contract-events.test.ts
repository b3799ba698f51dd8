import { randomUUID } from 'node:crypto';
import { ORDER_CREATED, ORDER_HELD, type OrderCreated } from '@stuffmart/contract/events';
import { describe, expect, it } from 'vitest';
import { newContractEvent, readContractEvent } from './contract-events.js';
import { newEvent } from './domain-event.js';

function anOrder(): OrderCreated {
  return {
    orderId: randomUUID(),
    stuffId: randomUUID(),
    buyerId: randomUUID(),
    sellerId: randomUUID(),
    priceCents: 1500,
    currency: 'JPY',
    expiresAt: new Date().toISOString(),
  };
}

describe('contract events', () => {
  it('refuses to build an event whose payload does not fit its type, so it never reaches the outbox', () => {
    const order = anOrder();
    expect(() => newContractEvent(ORDER_CREATED, order.orderId, 0, { ...order, priceCents: -1 })).toThrow(
      /^order\.created: priceCents: /,
    );
    expect(newContractEvent(ORDER_CREATED, order.orderId, 0, order)).toMatchObject({
      type: ORDER_CREATED,
      subjectId: order.orderId,
      subjectVersion: 0,
      data: order,
    });
  });

  it('reads an envelope of a known type with its payload parsed, leaves an unknown type out, and refuses a bad payload', () => {
    const order = anOrder();
    const envelope = newEvent(ORDER_CREATED, order.orderId, 0, { ...order, giftWrap: true });
    expect(readContractEvent(envelope)).toEqual({ ...envelope, data: order });
    expect(readContractEvent(newEvent('order.teleported', order.orderId, 0, {}))).toBeUndefined();
    const held = newEvent(ORDER_HELD, order.orderId, 0, { orderId: order.orderId, attemptId: 'a1', heldUntil: 'soon' });
    expect(() => readContractEvent(held)).toThrow(
      'order.held: attemptId: Invalid GUID; heldUntil: Invalid ISO datetime',
    );
  });
});
