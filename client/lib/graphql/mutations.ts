import { gql, type TypedDocumentNode } from '@apollo/client';
import { VIEWER_FIELDS } from './fragments';
import type { Category, CouponSummary, OrderSummary, PaymentSummary, StuffDetail, Viewer } from './schema-types';

/**
 * What every mutation that signs in reads back: who is now signed in. The tokens stay out of
 * JavaScript: the gateway sets them as HttpOnly cookies of this site (the call goes through /graphql).
 */
interface SignedIn {
  user: Viewer;
}

export const SIGN_UP: TypedDocumentNode<
  { signUp: SignedIn },
  { input: { email: string; password: string; displayName: string } }
> = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        ...ViewerFields
      }
    }
  }
  ${VIEWER_FIELDS}
`;

export const SIGN_IN: TypedDocumentNode<{ signIn: SignedIn }, { input: { email: string; password: string } }> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...ViewerFields
      }
    }
  }
  ${VIEWER_FIELDS}
`;

export const VERIFY_EMAIL: TypedDocumentNode<{ verifyEmail: SignedIn }, { token: string }> = gql`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      user {
        ...ViewerFields
      }
    }
  }
  ${VIEWER_FIELDS}
`;

export const RESEND_VERIFICATION_EMAIL: TypedDocumentNode<
  { resendVerificationEmail: boolean },
  Record<string, never>
> = gql`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`;

export const REQUEST_PASSWORD_RESET: TypedDocumentNode<{ requestPasswordReset: boolean }, { email: string }> = gql`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const RESET_PASSWORD: TypedDocumentNode<{ resetPassword: SignedIn }, { token: string; password: string }> = gql`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      user {
        ...ViewerFields
      }
    }
  }
  ${VIEWER_FIELDS}
`;

export const SIGN_OUT: TypedDocumentNode<{ signOut: boolean }, Record<string, never>> = gql`
  mutation SignOut {
    signOut
  }
`;

export const CREATE_STUFF: TypedDocumentNode<
  { createStuff: Pick<StuffDetail, 'id'> },
  {
    input: {
      title: string;
      description: string;
      priceCents: number;
      currency: string;
      category: Category;
      photoIds: string[];
    };
  }
> = gql`
  mutation CreateStuff($input: CreateStuffInput!) {
    createStuff(input: $input) {
      id
    }
  }
`;

export const UPDATE_STUFF: TypedDocumentNode<
  { updateStuff: Pick<StuffDetail, 'id' | 'version'> },
  {
    id: string;
    input: { title: string; description: string; priceCents: number; category: Category; photoIds: string[] };
  }
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
  { payOrder: PaymentSummary & { clientSecret: string | null } },
  { orderId: string; paymentMethodId: string | null; couponCode: string | null }
> = gql`
  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {
    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {
      id
      amountCents
      currency
      status
      couponCode
      clientSecret
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

export const CREATE_PHOTO_UPLOAD: TypedDocumentNode<
  { createPhotoUpload: { photoId: string; uploadUrl: string } },
  { contentType: string; byteSize: number }
> = gql`
  mutation CreatePhotoUpload($contentType: String!, $byteSize: Int!) {
    createPhotoUpload(contentType: $contentType, byteSize: $byteSize) {
      photoId
      uploadUrl
    }
  }
`;
