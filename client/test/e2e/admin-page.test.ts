import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.js';
import { signUpInBrowser, verifyInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

const ADMIN_EMAIL = 'admin-page@example.com';
let storefront: Storefront;

beforeAll(async () => {
  storefront = await startStorefront({ ADMIN_EMAILS: ADMIN_EMAIL });
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

describe('the admin page', () => {
  it('refuses a non-admin with a 403 page and does not offer them the link', async () => {
    const page = await storefront.newPage();
    await signUpInBrowser(page, storefront.origin, `not-admin-${Date.now()}@example.com`);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);

    const response = await page.goto(`${storefront.origin}/admin`);
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Admins only' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create coupon' }).count()).toBe(0);
    await screenshot(page, 'admin-refused');
  });

  it('sends a signed-out visitor to sign in', async () => {
    const page = await storefront.newPage();
    await page.goto(`${storefront.origin}/admin`);
    await page.waitForURL(/\/sign-in\?next=%2Fadmin$/);
  });

  it('lets an admin create a coupon and lists it', async () => {
    const page = await storefront.newPage();
    await signUpInBrowser(page, storefront.origin, ADMIN_EMAIL);
    // ADMIN_EMAILS makes an admin only of whoever proves they read the address's mail.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await verifyInBrowser(page, storefront.inbox, ADMIN_EMAIL);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Coupons', level: 1 }).waitFor();

    await page.getByLabel('Percent off').fill('100');
    await page.getByLabel('Code (optional)').fill('FREESTUFF2026');
    await page.getByRole('button', { name: 'Create coupon' }).click();
    await page.getByText('Coupon FREESTUFF2026 created.').waitFor();
    await page.getByRole('rowheader', { name: 'FREESTUFF2026' }).waitFor();
    expect(await page.getByRole('table').innerText()).toContain('100%');
    await screenshot(page, 'admin-coupons');
  });
});
