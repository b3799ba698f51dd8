import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuffViaApi, signUpViaApi } from './support/api.js';
import { availabilityText, buyButton, eventually, signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';

const WINDOW_SECONDS = 6;
let storefront: Storefront;

beforeAll(async () => {
  storefront = await startStorefront({ RESERVATION_WINDOW_SECONDS: String(WINDOW_SECONDS) });
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
});

describe('a reservation that runs out', () => {
  it('counts down on the order page, ends, and the stuff is offered to everyone again, live', async () => {
    const sellerToken = await signUpViaApi(storefront.system, `seller-${Date.now()}@example.com`);
    const stuffId = await createStuffViaApi(storefront.system, sellerToken, {
      title: 'Lab coat, size M',
      description: '',
      priceCents: 900,
    });
    const stuffUrl = `${storefront.origin}/stuff/${stuffId}`;

    // An anonymous visitor watches too: live updates need no account.
    const watcher = await storefront.newPage();
    await watcher.goto(stuffUrl);
    await eventually(async () => !(await buyButton(watcher).isDisabled()), 'BUY enabled');

    const buyer = await storefront.newPage();
    await signUpInBrowser(buyer, storefront.origin, `buyer-${Date.now()}@example.com`);
    await buyer.goto(stuffUrl);
    await eventually(async () => !(await buyButton(buyer).isDisabled()), 'BUY enabled for the buyer');
    await buyButton(buyer).click();
    await buyer.waitForURL(/\/orders\/[^/]+$/);
    const timer = buyer.getByRole('timer');
    const first = await timer.innerText();
    expect(first).toMatch(/^0:0[0-6]$/);
    await eventually(
      async () => (await timer.innerText().catch(() => first)) !== first,
      'the countdown ticking',
      3_000,
    );

    await eventually(async () => (await availabilityText(watcher)).includes('checked out by someone else'), 'reserved');
    expect(await buyButton(watcher).isDisabled()).toBe(true);

    // The orders service cancels within 2 seconds of expiry and tells the buyer's page live.
    await eventually(
      async () => /cancelled/i.test(await buyer.locator('.order-status').innerText()),
      'the order cancelled',
      (WINDOW_SECONDS + 4) * 1000,
    );
    expect(await timer.count()).toBe(0);
    await eventually(async () => !(await buyButton(watcher).isDisabled()), 'BUY enabled again, live', 5_000);
    expect(await availabilityText(watcher)).toMatch(/available/i);
  });
});
