import { tokenFromMail, type TestInbox } from '@stuffmart/test-kit';
import { type TestSystem } from '../../../../test/system/index.js';
import { displayNameFor } from './storefront.js';

/** Setup through the API, where the browser is not what a test is about. */
export async function signUpViaApi(
  system: TestSystem,
  email: string,
  {
    password = 'correct horse 1',
    displayName = displayNameFor(email),
  }: { password?: string; displayName?: string } = {},
): Promise<string> {
  const { body } = await system.graphql<{ signUp: { accessToken: string } }>(
    'mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
    { input: { email, password, displayName } },
  );
  if (!body.data) throw new Error(`signUp failed: ${JSON.stringify(body.errors)}`);
  return body.data.signUp.accessToken;
}

/**
 * Verifies an address with the token of its sign-up mail, read from the test inbox, and
 * returns the new access token (an address in ADMIN_EMAILS is ADMIN only from here on).
 */
export async function verifyViaApi(system: TestSystem, inbox: TestInbox, email: string): Promise<string> {
  const mail = await inbox.waitForMail(email, (received) => received.text.includes('/verify-email?token='));
  const { body } = await system.graphql<{ verifyEmail: { accessToken: string } }>(
    'mutation ($token: String!) { verifyEmail(token: $token) { accessToken } }',
    { token: tokenFromMail(mail, '/verify-email') },
  );
  if (!body.data) throw new Error(`verifyEmail failed: ${JSON.stringify(body.errors)}`);
  return body.data.verifyEmail.accessToken;
}

export async function createStuffViaApi(
  system: TestSystem,
  token: string,
  input: {
    title: string;
    description: string;
    priceCents: number;
    currency?: string;
    category?: string;
    photoIds?: string[];
  },
): Promise<string> {
  const { body } = await system.graphql<{ createStuff: { id: string } }>(
    'mutation ($input: CreateStuffInput!) { createStuff(input: $input) { id } }',
    { input },
    { token },
  );
  if (!body.data) throw new Error(`createStuff failed: ${JSON.stringify(body.errors)}`);
  return body.data.createStuff.id;
}

export async function createCouponViaApi(system: TestSystem, adminToken: string, percentOff: number): Promise<string> {
  const { body } = await system.graphql<{ createCoupon: { code: string } }>(
    'mutation ($input: CreateCouponInput!) { createCoupon(input: $input) { code } }',
    { input: { percentOff, maxRedemptions: 5 } },
    { token: adminToken },
  );
  if (!body.data) throw new Error(`createCoupon failed: ${JSON.stringify(body.errors)}`);
  return body.data.createCoupon.code;
}

/** Asks for a signed upload URL and PUTs the bytes there, as the sell form does; returns the photo's id. */
export async function uploadPhotoViaApi(
  system: TestSystem,
  token: string,
  bytes: Buffer,
  contentType = 'image/jpeg',
): Promise<string> {
  const { body } = await system.graphql<{ createPhotoUpload: { photoId: string; uploadUrl: string } }>(
    'mutation ($contentType: String!, $byteSize: Int!) { createPhotoUpload(contentType: $contentType, byteSize: $byteSize) { photoId uploadUrl } }',
    { contentType, byteSize: bytes.length },
    { token },
  );
  if (!body.data) throw new Error(`createPhotoUpload failed: ${JSON.stringify(body.errors)}`);
  const answer = await fetch(body.data.createPhotoUpload.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: bytes,
  });
  if (answer.status !== 201) throw new Error(`photo upload refused: ${answer.status} ${await answer.text()}`);
  return body.data.createPhotoUpload.photoId;
}
