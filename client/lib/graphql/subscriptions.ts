import { graphql } from './generated';

export const STUFF_AVAILABILITY_CHANGED = graphql(`
  subscription StuffAvailabilityChanged($stuffId: ID!) {
    stuffAvailabilityChanged(stuffId: $stuffId) {
      stuffId
      availability
      reservedUntil
      message
    }
  }
`);

export const ORDER_STATUS_CHANGED = graphql(`
  subscription OrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) {
      orderId
      status
      expiresAt
      # Every event brings the order whole, the payment from its own service included, so
      # the order page follows it without asking again.
      order {
        ...OrderDetailFields
      }
    }
  }
`);
