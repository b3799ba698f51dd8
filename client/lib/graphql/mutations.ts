import { graphql } from './generated';

/*
 * Every mutation that signs in reads back who is now signed in. The tokens stay out of
 * JavaScript: the gateway sets them as HttpOnly cookies of this site (the call goes through /graphql).
 */

export const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        ...ViewerFields
      }
    }
  }
`);

export const SIGN_IN = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...ViewerFields
      }
    }
  }
`);

export const VERIFY_EMAIL = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      user {
        ...ViewerFields
      }
    }
  }
`);

export const RESEND_VERIFICATION_EMAIL = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

export const REQUEST_PASSWORD_RESET = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const RESET_PASSWORD = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) {
      user {
        ...ViewerFields
      }
    }
  }
`);

export const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const CREATE_STUFF = graphql(`
  mutation CreateStuff($input: CreateStuffInput!) {
    createStuff(input: $input) {
      id
    }
  }
`);

export const UPDATE_STUFF = graphql(`
  mutation UpdateStuff($id: ID!, $input: UpdateStuffInput!) {
    updateStuff(id: $id, input: $input) {
      id
      version
    }
  }
`);

export const BUY_STUFF = graphql(`
  mutation BuyStuff($stuffId: ID!) {
    buyStuff(stuffId: $stuffId) {
      id
    }
  }
`);

export const CANCEL_ORDER = graphql(`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      id
      status
    }
  }
`);

export const PAY_ORDER = graphql(`
  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {
    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {
      ...PaymentFields
      clientSecret
    }
  }
`);

export const CREATE_COUPON = graphql(`
  mutation CreateCoupon($input: CreateCouponInput!) {
    createCoupon(input: $input) {
      code
    }
  }
`);

export const CREATE_PHOTO_UPLOAD = graphql(`
  mutation CreatePhotoUpload($contentType: String!, $byteSize: Int!) {
    createPhotoUpload(contentType: $contentType, byteSize: $byteSize) {
      photoId
      uploadUrl
    }
  }
`);
