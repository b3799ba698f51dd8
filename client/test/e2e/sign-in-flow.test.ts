import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpViaApi } from './support/api.js';
import { PHONE, screenshot } from './support/browser.js';
import { displayNameFor, signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

let storefront: Storefront;

beforeAll(async () => {
  storefront = await startStorefront();
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

const newPage = (viewport?: { width: number; height: number }) => storefront.newPage(viewport);

/** A form's own alert (Next.js adds an empty role=alert of its own, the route announcer). */
function formAlert(page: Awaited<ReturnType<typeof newPage>>) {
  return page.locator('form').getByRole('alert');
}

/** The error shown for an input: the element its aria-describedby names last. */
async function errorBeside(page: Awaited<ReturnType<typeof newPage>>, label: string): Promise<string> {
  const input = page.getByLabel(label);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(' ') ?? [];
  return page.locator(`[id="${ids.at(-1)}"]`).innerText();
}

describe('signing up, out and in through the storefront', () => {
  it('shows each broken rule beside its field when signing up with a bad e-mail and a short password', async () => {
    const page = await newPage();
    await page.goto(`${storefront.origin}/sign-up`);
    await page.getByLabel('Display name').fill('Not Yet');
    await page.getByLabel('E-mail').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();

    await formAlert(page).waitFor();
    expect(await errorBeside(page, 'E-mail')).toBe('Email must be valid');
    expect(await errorBeside(page, 'Password')).toMatch(/between 8 and 128 characters/);
    expect(await formAlert(page).innerText()).toBe('Please correct the fields marked below.');
    await screenshot(page, 'sign-up-field-errors');
  });

  it('signs a new student up, keeps them signed in across pages, signs them out and back in', async () => {
    const page = await newPage(PHONE);
    const email = `student-${Date.now()}@example.com`;
    await signUpInBrowser(page, storefront.origin, email);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('banner').innerText()).toContain(displayNameFor(email));
    await screenshot(page, 'catalogue-signed-in-phone');

    // The session cookie is the gateway's, set on the storefront's own origin and HttpOnly.
    const cookies = await page.context().cookies(storefront.origin);
    expect(cookies.find((cookie) => cookie.name === 'session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((cookie) => cookie.name === 'refresh_token')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });

    await page.goto(`${storefront.origin}/sell`);
    await page.getByRole('heading', { name: 'Sell something' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('banner').innerText()).not.toContain(displayNameFor(email));

    // Pages that need an account send a signed-out visitor to sign in, and back afterwards.
    await page.goto(`${storefront.origin}/sell`);
    await page.waitForURL(/\/sign-in\?next=%2Fsell$/);

    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await formAlert(page).waitFor();
    expect(await formAlert(page).innerText()).toBe('That e-mail and password do not match an account.');
    await screenshot(page, 'sign-in-wrong-password-phone');

    await page.getByLabel('Password').fill('correct horse 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sell$/);
    await page.getByRole('heading', { name: 'Sell something' }).waitFor();
    expect(await page.getByRole('banner').innerText()).toContain(displayNameFor(email));
  });

  it('says beside the e-mail field that an e-mail is already in use', async () => {
    const email = `taken-${Date.now()}@example.com`;
    const first = await newPage();
    await signUpInBrowser(first, storefront.origin, email);

    const page = await newPage();
    await page.goto(`${storefront.origin}/sign-up`);
    await page.getByLabel('Display name').fill('Someone else');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('another password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await formAlert(page).waitFor();
    expect(await errorBeside(page, 'E-mail')).toBe('Email in use');
  });

  it('renews an expired access token from the refresh cookie, for a page and for a GraphQL call', async () => {
    const page = await newPage();
    const email = `renew-${Date.now()}@example.com`;
    await signUpInBrowser(page, storefront.origin, email);
    const sessionCookieNames = async () =>
      (await page.context().cookies(storefront.origin))
        .map((c) => c.name)
        // Not about the session: this server's browser secret, and the time zone the page reports.
        .filter((name) => name !== 'browser_secret' && name !== 'tz')
        .sort();

    // The browser drops `session` after its 15 minutes; only `refresh_token` is left.
    await page.context().clearCookies({ name: 'session' });
    await page.goto(`${storefront.origin}/sell`);
    await page.getByRole('heading', { name: 'Sell something' }).waitFor();
    expect(await page.getByRole('banner').innerText()).toContain(displayNameFor(email));
    expect(await sessionCookieNames()).toEqual(['refresh_token', 'session']);

    // Again, this time while the page is open: the next call to /graphql renews on its way.
    await page.context().clearCookies({ name: 'session' });
    await page.getByLabel('Title').fill('Renewed on the way');
    await page.getByLabel('Price').fill('3');
    await page.getByRole('button', { name: 'Put it on sale' }).click();
    await page.waitForURL(/\/stuff\/[^/]+$/);
    await page.getByRole('heading', { level: 1, name: 'Renewed on the way' }).waitFor();
    expect(await sessionCookieNames()).toEqual(['refresh_token', 'session']);
  });

  it('does not hand a renewed session to another browser that presents a copy of the spent refresh token', async () => {
    const owner = await newPage();
    const email = `stolen-${Date.now()}@example.com`;
    await signUpInBrowser(owner, storefront.origin, email);
    const refreshCookie = async (page: typeof owner) =>
      (await page.context().cookies(storefront.origin)).find((cookie) => cookie.name === 'refresh_token');
    const copied = await refreshCookie(owner);
    expect(copied).toBeDefined();

    // The owner's access token runs out; their next page renews, spending the copied token.
    await owner.context().clearCookies({ name: 'session' });
    await owner.goto(`${storefront.origin}/sell`);
    await owner.getByRole('heading', { name: 'Sell something' }).waitFor();
    expect((await refreshCookie(owner))?.value).not.toBe(copied!.value);

    // Within the minute the renewal is remembered, someone else presents the copy.
    const thief = await newPage();
    await thief
      .context()
      .addCookies([
        { name: copied!.name, value: copied!.value, url: storefront.origin, httpOnly: true, sameSite: 'Strict' },
      ]);
    await thief.goto(`${storefront.origin}/sell`);
    await thief.waitForURL(/\/sign-in\?next=%2Fsell$/);
    const thiefCookies = await thief.context().cookies(storefront.origin);
    expect(thiefCookies.find((cookie) => cookie.name === 'session')).toBeUndefined();
    expect(thiefCookies.find((cookie) => cookie.name === 'refresh_token')?.value ?? copied!.value).toBe(copied!.value);

    // And the owner, who renewed properly, is still signed in.
    await owner.context().clearCookies({ name: 'session' });
    await owner.goto(`${storefront.origin}/sell`);
    await owner.getByRole('heading', { name: 'Sell something' }).waitFor();
    expect(await owner.getByRole('banner').innerText()).toContain(displayNameFor(email));
  });

  it('stays on this site after signing in, whatever another host ?next= is dressed up as', async () => {
    const email = `next-${Date.now()}@example.com`;
    await signUpViaApi(storefront.system, email);
    const page = await newPage();
    for (const next of ['/\t/evil.example', '/\\evil.example', '//evil.example', '/.//evil.example']) {
      await page.goto(`${storefront.origin}/sign-in?next=${encodeURIComponent(next)}`);
      // The link to sign up carries the same return path: already the safe one.
      expect(await page.getByRole('link', { name: 'Sign up' }).last().getAttribute('href')).toBe('/sign-up?next=%2F');
    }
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('correct horse 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(page.url()).toBe(`${storefront.origin}/`);
  });
});
