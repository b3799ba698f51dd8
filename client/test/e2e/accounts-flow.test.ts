import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuffViaApi, signUpViaApi, verifyViaApi } from './support/api.js';
import { PHONE, screenshot } from './support/browser.js';
import { displayNameFor, errorBeside, linkInMail, signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

const DOMAIN = 'example.edu';
let storefront: Storefront;

beforeAll(async () => {
  // Both sides are told: the auth service refuses other domains, the storefront says which it takes.
  storefront = await startStorefront(
    { ALLOWED_EMAIL_DOMAINS: DOMAIN },
    { clientEnv: { ALLOWED_EMAIL_DOMAINS: DOMAIN } },
  );
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

type Page = Awaited<ReturnType<Storefront['newPage']>>;

let people = 0;
/** An address of the allowed domain, new for each person of this file. */
function newEmail(who: string): string {
  people += 1;
  return `${who}-${people}-${Date.now()}@${DOMAIN}`;
}

/** The link to `path` in the next mail to `email`, after the first `seen` mails of the inbox. */
async function linkMailedTo(email: string, path: string, seen = 0): Promise<string> {
  const mail = await storefront.inbox.waitForMail(email, (received) => received.text.includes(`${path}?token=`), {
    from: seen,
  });
  return linkInMail(mail, path);
}

const banner = (page: Page) => page.getByRole('region', { name: /Please verify your e-mail/ });
const header = (page: Page) => page.getByRole('banner');
/** A form's own alert (Next.js adds an empty role=alert of its own, the route announcer). */
const formAlert = (page: Page) => page.locator('form').getByRole('alert');

describe('accounts in the storefront', () => {
  it('signs up with a display name and a university e-mail, and verifies it from the link in the mail', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${storefront.origin}/sign-up`);
    await page.getByText(`Use your university e-mail: an address ending in @${DOMAIN}.`).waitFor();

    // Another domain is refused beside the e-mail field.
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByLabel('E-mail').fill(`ada-${Date.now()}@gmail.com`);
    await page.getByLabel('Password').fill('correct horse 1');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await formAlert(page).waitFor();
    expect(await errorBeside(page, 'E-mail')).toBe('Use your university e-mail');
    await screenshot(page, 'sign-up-university-e-mail-phone');

    const email = newEmail('ada');
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await header(page).innerText()).toContain('Ada Lovelace');
    expect(await header(page).innerText()).not.toContain('Verified student');
    await banner(page).waitFor();
    expect(await banner(page).innerText()).toContain(email);
    await screenshot(page, 'verify-banner-phone');

    const link = await linkMailedTo(email, '/verify-email');
    expect(link.startsWith(`${storefront.origin}/verify-email?token=`)).toBe(true);
    await page.goto(link);
    await page.getByText('Your e-mail is verified.').waitFor();
    await header(page).getByText('Verified student').waitFor();
    await banner(page).waitFor({ state: 'detached' });
    await screenshot(page, 'verify-email-done-phone');

    // The banner stays gone on the next page, and the link, once used, says there is nothing more to do.
    await page.goto(`${storefront.origin}/`);
    await header(page).getByText('Verified student').waitFor();
    expect(await banner(page).count()).toBe(0);
    await page.goto(link);
    await page.getByText('This link has been used already, and your e-mail is verified').waitFor();
  });

  it('says when a link is used or expired, and the banner sends a second mail whose link verifies', async () => {
    const page = await newPage();
    const email = newEmail('grace');
    await signUpInBrowser(page, storefront.origin, email);
    await linkMailedTo(email, '/verify-email');
    const seen = storefront.inbox.mails.length;

    await page.goto(`${storefront.origin}/verify-email?token=no-such-token`);
    await page.getByText('This link has been used or has expired').waitFor();
    await screenshot(page, 'verify-email-used-link');

    await banner(page).getByRole('button', { name: 'Send the link again' }).click();
    await banner(page).getByText(`We sent a new link to ${email}.`).waitFor();
    const second = await linkMailedTo(email, '/verify-email', seen);

    await page.goto(second);
    await page.getByText('Your e-mail is verified.').waitFor();
    await header(page).getByText('Verified student').waitFor();
    expect(await banner(page).count()).toBe(0);
  });

  it('resets a forgotten password from the mailed link: signed in with the new one, the old one fails', async () => {
    const email = newEmail('alan');
    await signUpViaApi(storefront.system, email, { password: 'the old password' });

    const page = await newPage();
    await page.goto(`${storefront.origin}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    const seen = storefront.inbox.mails.length;
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText(`If ${email} has an account, we sent a link to it.`).waitFor();
    await screenshot(page, 'forgot-password-sent');

    // Someone without an account is told exactly the same.
    const stranger = await newPage();
    const nobody = `nobody-${Date.now()}@${DOMAIN}`;
    await stranger.goto(`${storefront.origin}/forgot-password`);
    await stranger.getByLabel('E-mail').fill(nobody);
    await stranger.getByRole('button', { name: 'Send me a link' }).click();
    await stranger.getByText(`If ${nobody} has an account, we sent a link to it.`).waitFor();

    const link = await linkMailedTo(email, '/reset-password', seen);
    expect(link.startsWith(`${storefront.origin}/reset-password?token=`)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await formAlert(page).waitFor();
    expect(await errorBeside(page, 'New password')).toMatch(/8 and 128 characters/);
    await screenshot(page, 'reset-password-field-error');

    await page.getByLabel('New password').fill('the new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password is changed and you are signed in as').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await header(page).innerText()).toContain(displayNameFor(email));
    await screenshot(page, 'reset-password-done');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${storefront.origin}/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('the old password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await formAlert(page).waitFor();
    expect(await formAlert(page).innerText()).toBe('That e-mail and password do not match an account.');
    await page.getByLabel('Password').fill('the new password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    // The link worked once.
    await page.goto(link);
    await page.getByLabel('New password').fill('yet another password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This link has been used or has expired').waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  });

  it('shows the seller by display name and badge on a stuff page, never an e-mail, and the buyer nowhere', async () => {
    const sellerEmail = newEmail('seller');
    const sellerToken = await signUpViaApi(storefront.system, sellerEmail, { displayName: 'Grace the Seller' });
    const stuffId = await createStuffViaApi(storefront.system, sellerToken, {
      title: 'Lab coat, size M',
      description: 'Worn twice.',
      priceCents: 1500,
    });
    const buyerEmail = newEmail('buyer');
    const buyerToken = await signUpViaApi(storefront.system, buyerEmail, { displayName: 'Barbara the Buyer' });
    const { body } = await storefront.system.graphql(
      'mutation ($id: ID!) { buyStuff(stuffId: $id) { id } }',
      { id: stuffId },
      { token: buyerToken },
    );
    expect(body.errors).toBeUndefined();

    const page = await newPage();
    await page.goto(`${storefront.origin}/stuff/${stuffId}`);
    await page.getByText('Sold by Grace the Seller').waitFor();
    expect(await page.getByText('Verified student').count()).toBe(0);
    let html = await page.content();
    for (const hidden of [sellerEmail, buyerEmail, 'Barbara the Buyer']) expect(html).not.toContain(hidden);

    await verifyViaApi(storefront.system, storefront.inbox, sellerEmail);
    await page.reload();
    await page.locator('.stuff-detail').getByText('Verified student').waitFor();
    html = await page.content();
    for (const hidden of [sellerEmail, buyerEmail, 'Barbara the Buyer']) expect(html).not.toContain(hidden);
    await screenshot(page, 'stuff-seller-verified');
  });
});

function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  return storefront.newPage(viewport);
}
