import { gql, type TypedDocumentNode } from '@apollo/client';
import { ORDER_DETAIL_FIELDS } from './fragments';
import type { OrderStatusUpdate, StuffAvailability } from './schema-types';

export const STUFF_AVAILABILITY_CHANGED: TypedDocumentNode<
  { stuffAvailabilityChanged: StuffAvailability },
  { stuffId: string }
> = gql`
  subscription StuffAvailabilityChanged($stuffId: ID!) {
    stuffAvailabilityChanged(stuffId: $stuffId) {
      stuffId
      availability
      reservedUntil
      message
    }
  }
`;

export const ORDER_STATUS_CHANGED: TypedDocumentNode<{ orderStatusChanged: OrderStatusUpdate }, { orderId: string }> =
  gql`
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
    ${ORDER_DETAIL_FIELDS}
  `;
