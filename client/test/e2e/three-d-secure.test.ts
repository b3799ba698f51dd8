import { startStripeStandIn, type StripeStandIn } from '@stuffmart/test-kit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStuffViaApi, signUpViaApi } from './support/api.js';
import { screenshot } from './support/browser.js';
import { availabilityText, buyButton, eventually, signUpInBrowser } from './support/storefront.js';
import { startStorefront, STOREFRONT_START_TIMEOUT, type Storefront } from './support/storefront-system.js';
import { CARD_NUMBERS, CHALLENGE_TITLE, serveStripeJs } from './support/stripe-js-stand-in.js';

const REFUSED =
  'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

let stripe: StripeStandIn;
let storefront: Storefront;

beforeAll(async () => {
  stripe = await startStripeStandIn();
  storefront = await startStorefront(
    {
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_API_URL: stripe.url,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    },
    { clientEnv: { STRIPE_PUBLISHABLE_KEY: stripe.publishableKey } },
  );
  stripe.webhookUrl = `${storefront.system.origin}/webhooks/stripe`;
}, STOREFRONT_START_TIMEOUT);

afterAll(async () => {
  await storefront?.close();
  await stripe?.close();
});

/** What Stripe was asked to charge for the order, in order: the stand-in's own record. */
function chargesOf(orderId: string): string[] {
  return stripe.charges.filter((charge) => charge.metadata.orderId === orderId).map((charge) => charge.status);
}

/** A buyer (their own browser, Stripe.js served by the stand-in) holding a new stuff; answers the order's id. */
async function buyerHoldingStuff(name: string): Promise<{ page: Page; orderId: string; stuffUrl: string }> {
  const seller = await signUpViaApi(storefront.system, `${name}-seller-${Date.now()}@example.com`);
  const stuffId = await createStuffViaApi(storefront.system, seller, {
    title: `${name} bike lights`,
    description: 'Front and back, USB.',
    priceCents: 2400,
  });
  const stuffUrl = `${storefront.origin}/stuff/${stuffId}`;
  const page = await storefront.newPage();
  await serveStripeJs(page, stripe);
  await signUpInBrowser(page, storefront.origin, `${name}-buyer-${Date.now()}@example.com`);
  await page.goto(stuffUrl);
  await eventually(async () => !(await buyButton(page).isDisabled()), 'BUY enabled');
  await buyButton(page).click();
  await page.waitForURL(/\/orders\/[^/]+$/);
  return { page, orderId: new URL(page.url()).pathname.split('/').at(-1)!, stuffUrl };
}

async function payWithCard(page: Page, number: string): Promise<void> {
  await page.getByLabel('Card number').fill(number);
  await page.getByRole('button', { name: 'Pay now' }).click();
}

function orderStatus(page: Page): Promise<string> {
  return page.locator('.order-status').innerText();
}

describe('paying with a card whose bank asks for 3-D Secure, in the browser', () => {
  it('opens the bank’s challenge, and once it is completed the order is paid, the stuff sold, charged once', async () => {
    const { page, orderId, stuffUrl } = await buyerHoldingStuff('secure');
    await payWithCard(page, CARD_NUMBERS.threeDSecure);

    const challenge = page.getByRole('dialog', { name: CHALLENGE_TITLE });
    await challenge.waitFor();
    // payOrder answered REQUIRES_ACTION: the intent waits for the bank, nothing is charged yet.
    await page.getByText('Confirm with your bank in the window that opened.').waitFor();
    expect(chargesOf(orderId)).toEqual(['requires_action']);
    await screenshot(page, 'order-3ds-challenge');

    await challenge.getByRole('button', { name: 'Complete' }).click();
    await eventually(async () => /paid/i.test(await orderStatus(page)), 'the order paid, live');
    expect(await orderStatus(page)).toContain('Paid. The stuff is yours.');
    await page.getByRole('heading', { name: 'Payment' }).waitFor();
    expect(await page.locator('.details').innerText()).toContain('$24.00');
    expect(chargesOf(orderId)).toEqual(['succeeded']);
    await screenshot(page, 'order-3ds-paid');

    await page.goto(stuffUrl);
    expect(await availabilityText(page)).toContain('This stuff has been sold.');
    expect(chargesOf(orderId)).toEqual(['succeeded']);
  });

  it('leaves the order payable when the challenge fails, says so, and another card then pays it', async () => {
    const { page, orderId } = await buyerHoldingStuff('refused');
    await payWithCard(page, CARD_NUMBERS.threeDSecure);
    await page.getByRole('dialog', { name: CHALLENGE_TITLE }).getByRole('button', { name: 'Fail' }).click();

    const alert = page.locator('form').getByRole('alert');
    await alert.getByText(REFUSED).waitFor();
    expect(await alert.innerText()).toContain('Nothing was charged, and the stuff is still reserved for you.');
    expect(await orderStatus(page)).toMatch(/awaiting payment/i);
    expect(await page.getByRole('timer').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Pay now' }).isEnabled()).toBe(true);
    expect(chargesOf(orderId)).toEqual(['requires_payment_method']);
    await screenshot(page, 'order-3ds-refused');

    // The payment_failed webhook has come and gone; the order still takes a payment.
    await payWithCard(page, CARD_NUMBERS.visa);
    await eventually(async () => /paid/i.test(await orderStatus(page)), 'the order paid');
    expect(chargesOf(orderId)).toEqual(['requires_payment_method', 'succeeded']);
    await page.reload();
    expect(await orderStatus(page)).toContain('Paid. The stuff is yours.');
  });
});
