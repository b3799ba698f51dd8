import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CouponSummary, OrderSummary, PaymentSummary, StuffDetail, Viewer } from './schema-types';

interface Credentials {
  input: { email: string; password: string };
}

export const SIGN_UP: TypedDocumentNode<{ signUp: { user: Viewer } }, Credentials> = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        email
        role
      }
    }
  }
`;

export const SIGN_IN: TypedDocumentNode<{ signIn: { user: Viewer } }, Credentials> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
        email
        role
      }
    }
  }
`;

export const SIGN_OUT: TypedDocumentNode<{ signOut: boolean }, Record<string, never>> = gql`
  mutation SignOut {
    signOut
  }
`;

export const CREATE_STUFF: TypedDocumentNode<
  { createStuff: Pick<StuffDetail, 'id'> },
  { input: { title: string; description: string; priceCents: number; currency: string } }
> = gql`
  mutation CreateStuff($input: CreateStuffInput!) {
    createStuff(input: $input) {
      id
    }
  }
`;

export const UPDATE_STUFF: TypedDocumentNode<
  { updateStuff: Pick<StuffDetail, 'id' | 'version'> },
  { id: string; input: { title: string; description: string; priceCents: number } }
> = gql`
  mutation UpdateStuff($id: ID!, $input: UpdateStuffInput!) {
    updateStuff(id: $id, input: $input) {
      id
      version
    }
  }
`;

export const BUY_STUFF: TypedDocumentNode<{ buyStuff: Pick<OrderSummary, 'id'> }, { stuffId: string }> = gql`
  mutation BuyStuff($stuffId: ID!) {
    buyStuff(stuffId: $stuffId) {
      id
    }
  }
`;

export const CANCEL_ORDER: TypedDocumentNode<{ cancelOrder: Pick<OrderSummary, 'id' | 'status'> }, { id: string }> =
  gql`
    mutation CancelOrder($id: ID!) {
      cancelOrder(id: $id) {
        id
        status
      }
    }
  `;

export const PAY_ORDER: TypedDocumentNode<
  { payOrder: PaymentSummary },
  { orderId: string; paymentMethodId: string | null; couponCode: string | null }
> = gql`
  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {
    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {
      id
      amountCents
      currency
      status
      couponCode
      createdAt
    }
  }
`;

export const CREATE_COUPON: TypedDocumentNode<
  { createCoupon: Pick<CouponSummary, 'code'> },
  { input: { percentOff: number; maxRedemptions: number; expiresAt: string | null; code: string | null } }
> = gql`
  mutation CreateCoupon($input: CreateCouponInput!) {
    createCoupon(input: $input) {
      code
    }
  }
`;
