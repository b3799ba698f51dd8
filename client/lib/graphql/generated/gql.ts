/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    emailVerified\n    role\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  fragment PersonFields on User {\n    id\n    displayName\n    emailVerified\n  }\n": typeof types.PersonFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.PageInfoFieldsFragmentDoc,
    "\n  fragment StuffCardFields on Stuff {\n    id\n    title\n    description\n    priceCents\n    currency\n    category\n    availability\n    photos {\n      thumbnailUrl\n      width\n      height\n    }\n  }\n": typeof types.StuffCardFieldsFragmentDoc,
    "\n  fragment PhotoFields on Photo {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n  }\n": typeof types.PhotoFieldsFragmentDoc,
    "\n  fragment PaymentFields on Payment {\n    id\n    amountCents\n    currency\n    status\n    couponCode\n    createdAt\n  }\n": typeof types.PaymentFieldsFragmentDoc,
    "\n  fragment OrderSummaryFields on Order {\n    id\n    status\n    priceCents\n    currency\n    expiresAt\n    createdAt\n    stuff {\n      id\n      title\n    }\n  }\n": typeof types.OrderSummaryFieldsFragmentDoc,
    "\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    payment {\n      ...PaymentFields\n    }\n  }\n": typeof types.OrderDetailFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation CreateStuff($input: CreateStuffInput!) {\n    createStuff(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateStuffDocument,
    "\n  mutation UpdateStuff($id: ID!, $input: UpdateStuffInput!) {\n    updateStuff(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateStuffDocument,
    "\n  mutation BuyStuff($stuffId: ID!) {\n    buyStuff(stuffId: $stuffId) {\n      id\n    }\n  }\n": typeof types.BuyStuffDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {\n    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {\n      ...PaymentFields\n      clientSecret\n    }\n  }\n": typeof types.PayOrderDocument,
    "\n  mutation CreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n": typeof types.CreateCouponDocument,
    "\n  mutation CreatePhotoUpload($contentType: String!, $byteSize: Int!) {\n    createPhotoUpload(contentType: $contentType, byteSize: $byteSize) {\n      photoId\n      uploadUrl\n    }\n  }\n": typeof types.CreatePhotoUploadDocument,
    "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query Catalogue($first: Int!, $after: String, $filter: StuffFilter) {\n    stuffs(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...StuffCardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CatalogueDocument,
    "\n  query Stuff($id: ID!) {\n    stuff(id: $id) {\n      id\n      title\n      description\n      priceCents\n      currency\n      category\n      availability\n      reservedUntil\n      version\n      createdAt\n      photos {\n        ...PhotoFields\n      }\n      seller {\n        ...PersonFields\n      }\n    }\n  }\n": typeof types.StuffDocument,
    "\n  query MyStuffs($first: Int!, $after: String) {\n    me {\n      id\n      stuffs(first: $first, after: $after) {\n        nodes {\n          ...StuffCardFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.MyStuffsDocument,
    "\n  query MyOrders($first: Int!, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        ...OrderSummaryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n": typeof types.OrderDocument,
    "\n  query Coupons($first: Int!, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        expiresAt\n        createdAt\n        createdBy {\n          id\n          displayName\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": typeof types.CouponsDocument,
    "\n  subscription StuffAvailabilityChanged($stuffId: ID!) {\n    stuffAvailabilityChanged(stuffId: $stuffId) {\n      stuffId\n      availability\n      reservedUntil\n      message\n    }\n  }\n": typeof types.StuffAvailabilityChangedDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      orderId\n      status\n      expiresAt\n      # Every event brings the order whole, the payment from its own service included, so\n      # the order page follows it without asking again.\n      order {\n        ...OrderDetailFields\n      }\n    }\n  }\n": typeof types.OrderStatusChangedDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    emailVerified\n    role\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  fragment PersonFields on User {\n    id\n    displayName\n    emailVerified\n  }\n": types.PersonFieldsFragmentDoc,
    "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.PageInfoFieldsFragmentDoc,
    "\n  fragment StuffCardFields on Stuff {\n    id\n    title\n    description\n    priceCents\n    currency\n    category\n    availability\n    photos {\n      thumbnailUrl\n      width\n      height\n    }\n  }\n": types.StuffCardFieldsFragmentDoc,
    "\n  fragment PhotoFields on Photo {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n  }\n": types.PhotoFieldsFragmentDoc,
    "\n  fragment PaymentFields on Payment {\n    id\n    amountCents\n    currency\n    status\n    couponCode\n    createdAt\n  }\n": types.PaymentFieldsFragmentDoc,
    "\n  fragment OrderSummaryFields on Order {\n    id\n    status\n    priceCents\n    currency\n    expiresAt\n    createdAt\n    stuff {\n      id\n      title\n    }\n  }\n": types.OrderSummaryFieldsFragmentDoc,
    "\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    payment {\n      ...PaymentFields\n    }\n  }\n": types.OrderDetailFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation CreateStuff($input: CreateStuffInput!) {\n    createStuff(input: $input) {\n      id\n    }\n  }\n": types.CreateStuffDocument,
    "\n  mutation UpdateStuff($id: ID!, $input: UpdateStuffInput!) {\n    updateStuff(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateStuffDocument,
    "\n  mutation BuyStuff($stuffId: ID!) {\n    buyStuff(stuffId: $stuffId) {\n      id\n    }\n  }\n": types.BuyStuffDocument,
    "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelOrderDocument,
    "\n  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {\n    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {\n      ...PaymentFields\n      clientSecret\n    }\n  }\n": types.PayOrderDocument,
    "\n  mutation CreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n": types.CreateCouponDocument,
    "\n  mutation CreatePhotoUpload($contentType: String!, $byteSize: Int!) {\n    createPhotoUpload(contentType: $contentType, byteSize: $byteSize) {\n      photoId\n      uploadUrl\n    }\n  }\n": types.CreatePhotoUploadDocument,
    "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.ViewerDocument,
    "\n  query Catalogue($first: Int!, $after: String, $filter: StuffFilter) {\n    stuffs(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...StuffCardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CatalogueDocument,
    "\n  query Stuff($id: ID!) {\n    stuff(id: $id) {\n      id\n      title\n      description\n      priceCents\n      currency\n      category\n      availability\n      reservedUntil\n      version\n      createdAt\n      photos {\n        ...PhotoFields\n      }\n      seller {\n        ...PersonFields\n      }\n    }\n  }\n": types.StuffDocument,
    "\n  query MyStuffs($first: Int!, $after: String) {\n    me {\n      id\n      stuffs(first: $first, after: $after) {\n        nodes {\n          ...StuffCardFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n": types.MyStuffsDocument,
    "\n  query MyOrders($first: Int!, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        ...OrderSummaryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n": types.OrderDocument,
    "\n  query Coupons($first: Int!, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        expiresAt\n        createdAt\n        createdBy {\n          id\n          displayName\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n": types.CouponsDocument,
    "\n  subscription StuffAvailabilityChanged($stuffId: ID!) {\n    stuffAvailabilityChanged(stuffId: $stuffId) {\n      stuffId\n      availability\n      reservedUntil\n      message\n    }\n  }\n": types.StuffAvailabilityChangedDocument,
    "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      orderId\n      status\n      expiresAt\n      # Every event brings the order whole, the payment from its own service included, so\n      # the order page follows it without asking again.\n      order {\n        ...OrderDetailFields\n      }\n    }\n  }\n": types.OrderStatusChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    emailVerified\n    role\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n    emailVerified\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonFields on User {\n    id\n    displayName\n    emailVerified\n  }\n"): (typeof documents)["\n  fragment PersonFields on User {\n    id\n    displayName\n    emailVerified\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StuffCardFields on Stuff {\n    id\n    title\n    description\n    priceCents\n    currency\n    category\n    availability\n    photos {\n      thumbnailUrl\n      width\n      height\n    }\n  }\n"): (typeof documents)["\n  fragment StuffCardFields on Stuff {\n    id\n    title\n    description\n    priceCents\n    currency\n    category\n    availability\n    photos {\n      thumbnailUrl\n      width\n      height\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PhotoFields on Photo {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n  }\n"): (typeof documents)["\n  fragment PhotoFields on Photo {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentFields on Payment {\n    id\n    amountCents\n    currency\n    status\n    couponCode\n    createdAt\n  }\n"): (typeof documents)["\n  fragment PaymentFields on Payment {\n    id\n    amountCents\n    currency\n    status\n    couponCode\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderSummaryFields on Order {\n    id\n    status\n    priceCents\n    currency\n    expiresAt\n    createdAt\n    stuff {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment OrderSummaryFields on Order {\n    id\n    status\n    priceCents\n    currency\n    expiresAt\n    createdAt\n    stuff {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    payment {\n      ...PaymentFields\n    }\n  }\n"): (typeof documents)["\n  fragment OrderDetailFields on Order {\n    ...OrderSummaryFields\n    payment {\n      ...PaymentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): (typeof documents)["\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      user {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStuff($input: CreateStuffInput!) {\n    createStuff(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStuff($input: CreateStuffInput!) {\n    createStuff(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStuff($id: ID!, $input: UpdateStuffInput!) {\n    updateStuff(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStuff($id: ID!, $input: UpdateStuffInput!) {\n    updateStuff(id: $id, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyStuff($stuffId: ID!) {\n    buyStuff(stuffId: $stuffId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation BuyStuff($stuffId: ID!) {\n    buyStuff(stuffId: $stuffId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelOrder($id: ID!) {\n    cancelOrder(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {\n    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {\n      ...PaymentFields\n      clientSecret\n    }\n  }\n"): (typeof documents)["\n  mutation PayOrder($orderId: ID!, $paymentMethodId: String, $couponCode: String) {\n    payOrder(orderId: $orderId, paymentMethodId: $paymentMethodId, couponCode: $couponCode) {\n      ...PaymentFields\n      clientSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePhotoUpload($contentType: String!, $byteSize: Int!) {\n    createPhotoUpload(contentType: $contentType, byteSize: $byteSize) {\n      photoId\n      uploadUrl\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePhotoUpload($contentType: String!, $byteSize: Int!) {\n    createPhotoUpload(contentType: $contentType, byteSize: $byteSize) {\n      photoId\n      uploadUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalogue($first: Int!, $after: String, $filter: StuffFilter) {\n    stuffs(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...StuffCardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalogue($first: Int!, $after: String, $filter: StuffFilter) {\n    stuffs(first: $first, after: $after, filter: $filter) {\n      nodes {\n        ...StuffCardFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stuff($id: ID!) {\n    stuff(id: $id) {\n      id\n      title\n      description\n      priceCents\n      currency\n      category\n      availability\n      reservedUntil\n      version\n      createdAt\n      photos {\n        ...PhotoFields\n      }\n      seller {\n        ...PersonFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Stuff($id: ID!) {\n    stuff(id: $id) {\n      id\n      title\n      description\n      priceCents\n      currency\n      category\n      availability\n      reservedUntil\n      version\n      createdAt\n      photos {\n        ...PhotoFields\n      }\n      seller {\n        ...PersonFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyStuffs($first: Int!, $after: String) {\n    me {\n      id\n      stuffs(first: $first, after: $after) {\n        nodes {\n          ...StuffCardFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyStuffs($first: Int!, $after: String) {\n    me {\n      id\n      stuffs(first: $first, after: $after) {\n        nodes {\n          ...StuffCardFields\n        }\n        pageInfo {\n          ...PageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders($first: Int!, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        ...OrderSummaryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyOrders($first: Int!, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        ...OrderSummaryFields\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) {\n      ...OrderDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coupons($first: Int!, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        expiresAt\n        createdAt\n        createdBy {\n          id\n          displayName\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Coupons($first: Int!, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        expiresAt\n        createdAt\n        createdBy {\n          id\n          displayName\n        }\n      }\n      pageInfo {\n        ...PageInfoFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StuffAvailabilityChanged($stuffId: ID!) {\n    stuffAvailabilityChanged(stuffId: $stuffId) {\n      stuffId\n      availability\n      reservedUntil\n      message\n    }\n  }\n"): (typeof documents)["\n  subscription StuffAvailabilityChanged($stuffId: ID!) {\n    stuffAvailabilityChanged(stuffId: $stuffId) {\n      stuffId\n      availability\n      reservedUntil\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      orderId\n      status\n      expiresAt\n      # Every event brings the order whole, the payment from its own service included, so\n      # the order page follows it without asking again.\n      order {\n        ...OrderDetailFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OrderStatusChanged($orderId: ID!) {\n    orderStatusChanged(orderId: $orderId) {\n      orderId\n      status\n      expiresAt\n      # Every event brings the order whole, the payment from its own service included, so\n      # the order page follows it without asking again.\n      order {\n        ...OrderDetailFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;