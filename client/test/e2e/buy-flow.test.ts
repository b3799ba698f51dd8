import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouponViaApi, createStuffViaApi, signUpViaApi, verifyViaApi } from './support/api.js';
import { PHONE, screenshot } from './support/browser.js';
import { availabilityText, buyButton, eventually, sellInBrowser, signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

const RESERVED = 'The stuff is being checked out by someone else, please come back later';
const ADMIN_EMAIL = 'coupon-admin@example.com';

let storefront: Storefront;

beforeAll(async () => {
  storefront = await startStorefront({ ADMIN_EMAILS: ADMIN_EMAIL });
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

/** A student in their own browser context (own cookies), signed up through the form. */
async function student(name: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await storefront.newPage(viewport);
  await signUpInBrowser(page, storefront.origin, `${name}-${Date.now()}@example.com`);
  return page;
}

async function buyIsEnabled(page: Page): Promise<boolean> {
  return !(await buyButton(page).isDisabled());
}

describe('selling and buying, watched live from another browser', () => {
  it('shows a watcher the reserved message and a disabled BUY while a buyer holds the stuff, and BUY again after the buyer cancels', async () => {
    const seller = await student('seller');
    const stuffPath = await sellInBrowser(seller, storefront.origin, 'Linear algebra lecture notes', '12.50');
    expect(await seller.locator('.price-large').innerText()).toBe('$12.50');
    // The seller cannot buy their own stuff.
    expect(await buyButton(seller).isDisabled()).toBe(true);
    await screenshot(seller, 'stuff-page-seller');

    const watcher = await student('watcher', PHONE);
    await watcher.goto(`${storefront.origin}${stuffPath}`);
    await eventually(() => buyIsEnabled(watcher), 'BUY enabled for the watcher');
    expect(await availabilityText(watcher)).toMatch(/available/i);

    const buyer = await student('buyer');
    await buyer.goto(`${storefront.origin}${stuffPath}`);
    await eventually(() => buyIsEnabled(buyer), 'BUY enabled for the buyer');
    await buyButton(buyer).click();
    await buyer.waitForURL(/\/orders\/[^/]+$/);
    await buyer.getByRole('timer').waitFor();
    expect(await buyer.getByRole('timer').innerText()).toMatch(/^1[45]:\d\d$/);
    await screenshot(buyer, 'order-awaiting-payment');

    // No reload: the subscription brings the change to the watcher.
    await eventually(async () => (await availabilityText(watcher)).includes(RESERVED), 'the reserved message, live');
    expect(await buyButton(watcher).isDisabled()).toBe(true);
    expect(await availabilityText(watcher)).toMatch(/reserved/i);
    await screenshot(watcher, 'stuff-reserved-live-phone');

    await buyer.getByRole('button', { name: 'Cancel order' }).click();
    await eventually(async () => /cancelled/i.test(await buyer.locator('.order-status').innerText()), 'cancelled');

    await eventually(() => buyIsEnabled(watcher), 'BUY enabled again for the watcher, live', 5_000);
    expect(await availabilityText(watcher)).not.toContain(RESERVED);
    expect(await availabilityText(watcher)).toMatch(/available/i);
  });

  it('lets the buyer pay with a 100% coupon, and the watcher sees SOLD live', async () => {
    await signUpViaApi(storefront.system, ADMIN_EMAIL);
    // An address in ADMIN_EMAILS is ADMIN once verified, never before.
    const adminToken = await verifyViaApi(storefront.system, storefront.inbox, ADMIN_EMAIL);
    const coupon = await createCouponViaApi(storefront.system, adminToken, 100);
    const sellerToken = await signUpViaApi(storefront.system, `seller-api-${Date.now()}@example.com`);
    const stuffId = await createStuffViaApi(storefront.system, sellerToken, {
      title: 'Concert ticket, row 3',
      description: 'Friday night, standing.',
      priceCents: 4500,
    });
    const stuffUrl = `${storefront.origin}/stuff/${stuffId}`;

    const watcher = await student('watcher-sold');
    await watcher.goto(stuffUrl);
    await eventually(() => buyIsEnabled(watcher), 'BUY enabled for the watcher');

    const buyer = await student('payer', PHONE);
    await buyer.goto(stuffUrl);
    await eventually(() => buyIsEnabled(buyer), 'BUY enabled for the buyer');
    await buyButton(buyer).click();
    await buyer.waitForURL(/\/orders\/[^/]+$/);
    await buyer.getByLabel('Coupon code (optional)').fill(coupon);
    await buyer.getByRole('button', { name: 'Pay now' }).click();
    await eventually(async () => /paid/i.test(await buyer.locator('.order-status').innerText()), 'the order paid');
    await buyer.getByRole('heading', { name: 'Payment' }).waitFor();
    expect(await buyer.locator('.details').innerText()).toContain(coupon);
    await screenshot(buyer, 'order-paid-with-coupon-phone');

    await eventually(async () => /sold/i.test(await availabilityText(watcher)), 'SOLD, live');
    expect(await availabilityText(watcher)).toContain('This stuff has been sold.');
    expect(await buyButton(watcher).isDisabled()).toBe(true);
    await screenshot(watcher, 'stuff-sold-live');
  });
});
